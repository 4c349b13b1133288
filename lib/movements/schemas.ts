import { z } from 'zod'
import { movementTypes } from '../db/schema/movements'
import { optionalText, uuid } from '../validation'

/** One move as the scan screen (or the offline queue) sends it. */
export const moveInput = z.object({
  /** The device's UUID for this move: its Idempotency-Key, kept on the movement row. */
  clientId: uuid.optional(),
  toolId: uuid,
  action: z.enum(movementTypes, 'INVALID_CHOICE'),
  /** Required except for consume. */
  toLocationId: uuid.nullable().optional(),
  /** Quantity tools only: where the units come from (default: home for checkout, the only site holding some otherwise). */
  fromLocationId: uuid.nullable().optional(),
  /** Who holds the tool afterwards; default: the person moving it (nobody, on a return to a warehouse). */
  holderId: uuid.nullable().optional(),
  quantity: z.number('INVALID_NUMBER').int('NOT_INTEGER').min(1, 'TOO_SMALL').max(100_000, 'TOO_LARGE').optional(),
  note: optionalText(500),
  /** When it happened by the device's clock (ISO 8601 with offset). Default: now. */
  movedAt: z.iso.datetime({ offset: true, error: 'INVALID_DATE' }).optional(),
})
export type MoveInput = z.infer<typeof moveInput>

export const syncInput = z.object({
  // At most the scan limit's minute (100 moves): a bigger call could never pass the limit and would be refused forever.
  items: z.array(moveInput.extend({ clientId: uuid }), 'INVALID').min(1, 'REQUIRED').max(100, 'TOO_MANY'),
})
export type SyncInput = z.infer<typeof syncInput>
