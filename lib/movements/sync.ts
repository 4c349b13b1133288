import type { TenantContext } from '../db'
import { IdempotencyError, idempotent } from '../idempotency'
import { applyMove, type AppliedMove } from './commands'
import type { SyncInput } from './schemas'

export type SyncOutcome = 'applied' | 'replayed' | 'refused' | 'in_flight' | 'mismatch'

export interface SyncItemResult {
  clientId: string
  outcome: SyncOutcome
  /** The HTTP status this item alone would have had. */
  status: number
  code?: string
  details?: unknown
  move?: AppliedMove
}

type StoredBody = { ok: true; move: AppliedMove } | { ok: false; code: string; details?: unknown }

const statusFor = (code: string) => (code === 'TOOL_NOT_FOUND' || code === 'LOCATION_NOT_FOUND' ? 404 : code === 'VALIDATION' ? 422 : 409)

/**
 * The offline queue's sync: moves applied in device-time order, each exactly once under its own UUID as
 * Idempotency-Key. A retry of any item returns its first result (also a refusal); the same UUID with a
 * different move is a mismatch (422); one still running elsewhere is in flight (409). Nothing is dropped:
 * every item gets a result.
 */
export async function syncMoves(ctx: TenantContext, items: SyncInput['items']): Promise<SyncItemResult[]> {
  const ordered = [...items].sort((a, b) => (a.movedAt ?? '').localeCompare(b.movedAt ?? ''))
  const results = new Map<string, SyncItemResult>()
  for (const item of ordered) {
    try {
      const stored = await idempotent<StoredBody>(ctx, { key: item.clientId, scope: 'move', body: item }, async (tx) => {
        const result = await applyMove(tx, item, { userId: ctx.userId, source: 'offline' })
        return result.ok
          ? { status: 201, body: { ok: true, move: result.data } }
          : { status: statusFor(result.error.code), body: { ok: false, code: result.error.code, details: result.error.details ?? result.error.fields } }
      })
      const body = stored.body
      results.set(
        item.clientId,
        body.ok
          ? { clientId: item.clientId, outcome: stored.replayed ? 'replayed' : 'applied', status: stored.replayed ? 200 : 201, move: body.move }
          : { clientId: item.clientId, outcome: 'refused', status: stored.status, code: body.code, details: body.details },
      )
    } catch (error) {
      if (!(error instanceof IdempotencyError)) throw error
      results.set(item.clientId, {
        clientId: item.clientId,
        outcome: error.status === 409 ? 'in_flight' : 'mismatch',
        status: error.status,
        code: error.code,
      })
    }
  }
  return items.map((item) => results.get(item.clientId)!)
}
