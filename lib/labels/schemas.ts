import { z } from 'zod'
import { toNumber, uuid, wholeNumber } from '../validation'
import { layoutById, layoutIds, perPage } from './layouts'

/** At most this many labels in one PDF (a whole location of a big company is printed in parts). */
export const MAX_LABELS = 2000
/** Blank labels issued at once. */
export const MAX_BLANK = 500

/** Printer calibration in mm, one decimal, at most a centimetre either way. */
const offset = z.preprocess(
  (v) => (v === '' || v === undefined || v === null ? 0 : toNumber(v)),
  z
    .number('INVALID_NUMBER')
    .min(-10, 'TOO_SMALL')
    .max(10, 'TOO_LARGE')
    .transform((n) => Math.round(n * 10) / 10),
)

const layout = z.enum(layoutIds, 'INVALID_CHOICE')

export const labelSettingsInput = z.object({ offsetX: offset, offsetY: offset, layout })
export type LabelSettingsInput = z.input<typeof labelSettingsInput>

const stock = {
  layout,
  /** Positions already used on the first sheet. */
  skip: z.preprocess((v) => (v === '' || v === undefined ? 0 : v), wholeNumber(0, 64)),
  offsetX: offset,
  offsetY: offset,
}

/** What to print: chosen tools, a whole category, a whole location, new blank labels, or a blank batch again. */
export const labelRequest = z
  .discriminatedUnion(
    'source',
    [
      z.object({ source: z.literal('tools'), toolIds: z.array(uuid).min(1, 'REQUIRED').max(MAX_LABELS, 'TOO_MANY'), ...stock }),
      z.object({ source: z.literal('category'), categoryId: uuid, ...stock }),
      z.object({ source: z.literal('location'), locationId: uuid, ...stock }),
      z.object({ source: z.literal('blank'), count: wholeNumber(1, MAX_BLANK), ...stock }),
      z.object({ source: z.literal('batch'), batchId: uuid, ...stock }),
    ],
    'INVALID_CHOICE',
  )
  .superRefine((r, ctx) => {
    if (r.skip >= perPage(layoutById(r.layout))) ctx.addIssue({ code: 'custom', path: ['skip'], message: 'TOO_LARGE' })
  })
export type LabelRequest = z.output<typeof labelRequest>

/** The request as a form or query string sends it: every `toolId` entry, the rest one value each. */
export function labelRequestFromForm(form: FormData | URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of form.entries()) if (typeof value === 'string' && key !== 'toolId') out[key] = value
  out.toolIds = form
    .getAll('toolId')
    .filter((v): v is string => typeof v === 'string')
    .flatMap((v) => v.split(','))
    .filter(Boolean)
  return out
}
