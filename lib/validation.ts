import type { z } from 'zod'

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
