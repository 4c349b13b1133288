import { z } from 'zod'
import { isoDate, nullable, optionalText, requiredText, todayIso } from '../validation'
import { normalizeToolCode, TOOL_CODE } from '../tools/codes'

const codes = z.preprocess(
  (v) =>
    (Array.isArray(v) ? v.join(' ') : String(v ?? ''))
      .normalize('NFKC')
      .split(/[\s,、]+/)
      .filter(Boolean)
      .map(normalizeToolCode),
  z.array(z.string().regex(TOOL_CODE, 'INVALID_TOOL_CODE')).max(100, 'TOO_MANY'),
)

/** What the carry-in form asks (GET parameters of the PDF link). */
export const carryInInput = z.object({
  submittedOn: z.preprocess((v) => v || todayIso(), isoDate),
  addressee: optionalText(80),
  company: requiredText(80),
  representative: optionalText(40),
  user: optionalText(80),
  leaveOn: nullable(isoDate),
  arriveOn: z.preprocess((v) => v || todayIso(), isoDate),
  notes: optionalText(300),
  /** Tools on the site to list (all when none is chosen and `chosen` is not set). */
  tool: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.uuid()).max(500)),
  /** Set by the form, so that unticking every tool means none. */
  chosen: z.preprocess((v) => v === '1' || v === true, z.boolean()).optional(),
  extra: codes.optional(),
})
export type CarryInInput = z.input<typeof carryInInput>
