import { z } from 'zod'
import { requiredText, uuid, wholeNumber } from '../validation'

/** The four statuses every company has (seed 004 §2.3); labels are in messages under toolStatuses.builtIn. */
export const builtInStatuses = [
  { key: 'normal', color: '#15803d' },
  { key: 'repair', color: '#b45309' },
  { key: 'broken', color: '#b91c1c' },
  { key: 'disposed', color: '#4b5563' },
] as const
export type BuiltInStatus = (typeof builtInStatuses)[number]['key']
export const builtInStatusKeys = builtInStatuses.map((s) => s.key) as [BuiltInStatus, ...BuiltInStatus[]]

/** What a company status can stand for: disposal is its own action with a date and a reason. */
export const baseStatuses = ['normal', 'repair', 'broken'] as const

const color = z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.string().regex(/^#[0-9a-f]{6}$/, 'INVALID_COLOR'))

const fields = {
  label: requiredText(30),
  color,
  baseStatus: z.enum(baseStatuses),
  displayOrder: wholeNumber(0, 10_000),
  isActive: z.boolean(),
}

export const toolStatusInput = z.object({
  ...fields,
  baseStatus: fields.baseStatus.default('normal'),
  displayOrder: fields.displayOrder.default(0),
  isActive: fields.isActive.default(true),
})
export type ToolStatusInput = z.input<typeof toolStatusInput>
export const toolStatusUpdate = z.object({ id: uuid, ...fields }).partial({ label: true, color: true, baseStatus: true, displayOrder: true, isActive: true })
export type ToolStatusUpdate = z.input<typeof toolStatusUpdate>
