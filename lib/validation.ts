import { z } from 'zod'

/** '' and whitespace-only strings count as "not given" (what an empty form input or CSV cell sends). */
export const blank = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v)

/** A type error's code: REQUIRED when nothing was given, else `code`. */
export const typeError = (code: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined || issue.input === null ? 'REQUIRED' : code) })

/** A calendar date as 'YYYY-MM-DD'; also reads '2024/4/1' and full-width digits. */
export function toIsoDate(value: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value.normalize('NFKC').trim())
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

export const isoDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? (toIsoDate(v) ?? v) : v),
  z.string().refine((v) => toIsoDate(v) === v, 'INVALID_DATE'),
)

/** A number typed by a person: full-width digits, thousands separators, a yen sign. */
export function toNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value
  const s = value.normalize('NFKC').trim().replace(/^[¥\\]/, '').replace(/円$/, '').replace(/,/g, '')
  if (s === '' || !/^[-+]?\d*\.?\d+(e[-+]?\d+)?$/i.test(s)) return value
  return Number(s)
}

/** Integer yen, never negative (seed 004: money is integer yen). */
export const yen = z.preprocess(toNumber, z.number(typeError('INVALID_NUMBER')).int('NOT_INTEGER').min(0, 'TOO_SMALL').max(1_000_000_000_000, 'TOO_LARGE'))

export const wholeNumber = (min: number, max: number) =>
  z.preprocess(toNumber, z.number(typeError('INVALID_NUMBER')).int('NOT_INTEGER').min(min, 'TOO_SMALL').max(max, 'TOO_LARGE'))

/** Optional free text: trimmed, '' becomes null (clears the column). */
export const optionalText = (max: number) =>
  z.preprocess((v) => (blank(v) === undefined && v !== undefined ? null : typeof v === 'string' ? v.trim() : v), z.string().max(max).nullable().optional())

/** Optional value of any schema where '' or null clears it. */
export const nullable = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === undefined ? undefined : (blank(v) ?? null)), schema.nullable().optional())

/** Text that must be given: trimmed, at most `max` characters. */
export const requiredText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string('REQUIRED').min(1, 'REQUIRED').max(max, 'TOO_LONG'))

export const uuid = z.uuid('INVALID')

/** A ticked checkbox as a form sends it ('on'), or a boolean from a client: true; anything else (absent) false. */
export const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean())

/**
 * Text Postgres reads as a uuid (8-4-4-4-12 hex digits, any version): ids from URLs and scans are checked with it
 * before they reach a ::uuid cast, which would fail the page instead of answering "not found".
 */
export const isUuid = (value: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)

/** Today's date in Japan (where the companies work), as 'YYYY-MM-DD'. */
export function todayIso(now = new Date(), timeZone = 'Asia/Tokyo'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}

// Form actions that answer with translated messages (the `validation` namespace) rather than codes.
/** A next-intl translator for the `validation` namespace, or anything with the same call shape. */
export type Translate = (key: string, values?: Record<string, string | number>) => string

const KEY = /^[a-zA-Z]+$/

/** The translation key for one zod issue: the schema's own key when it gave one, else one by issue kind. */
export function issueKey(issue: z.core.$ZodIssue): { key: string; values?: Record<string, string | number> } {
  if (issue.message && KEY.test(issue.message) && issue.message !== 'Invalid input') return { key: issue.message }
  switch (issue.code) {
    case 'invalid_type':
      // zod 4 leaves the input out of issues; its message names what was received.
      return { key: /received (undefined|null)$/.test(issue.message) ? 'required' : 'invalid' }
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? { key: 'required' } : { key: 'tooShort', values: { min: Number(issue.minimum) } }
      return { key: 'tooSmall', values: { min: Number(issue.minimum) } }
    case 'too_big':
      return issue.origin === 'string' ? { key: 'tooLong', values: { max: Number(issue.maximum) } } : { key: 'tooBig', values: { max: Number(issue.maximum) } }
    case 'invalid_format':
      return { key: issue.format === 'email' ? 'email' : 'invalid' }
    default:
      return { key: 'invalid' }
  }
}

/** Field path → translated message, first issue per field. */
export function fieldErrors(error: z.ZodError, t: Translate): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const path = issue.path.join('.') || '_'
    if (fields[path]) continue
    const { key, values } = issueKey(issue)
    fields[path] = t(key, values)
  }
  return fields
}
