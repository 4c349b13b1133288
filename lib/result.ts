import type { z } from 'zod'

/**
 * The one result shape (STYLE.md): commands and actions return it; code only throws for bugs.
 * `code` and each `fields` value are message keys the UI translates (messages/*.json).
 */
export interface AppError {
  code: string
  message?: string
  /** Field path ('name', 'customFields.calibration_date') → error code (REQUIRED, TOO_LONG…). */
  fields?: Record<string, string>
  details?: Record<string, unknown>
}

export type Failure = { ok: false; error: AppError }
export type Result<T> = { ok: true; data: T } | Failure

export const ok = <T>(data: T): Result<T> => ({ ok: true, data })

export const fail = (code: string, extra: Omit<AppError, 'code'> = {}): Failure => ({ ok: false, error: { code, ...extra } })

const isCode = (message: string) => /^[A-Z][A-Z0-9_]+$/.test(message)

/** The error code of one zod issue: a code set by the schema, else one derived from the kind of issue. */
export function issueCode(issue: z.core.$ZodRawIssue | z.core.$ZodIssue): string {
  if (issue.message && isCode(issue.message)) return issue.message
  const input = 'input' in issue ? issue.input : undefined
  switch (issue.code) {
    case 'invalid_type':
      return input === undefined || input === null || input === '' ? 'REQUIRED' : 'INVALID'
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return 'REQUIRED'
      return issue.origin === 'string' ? 'TOO_SHORT' : 'TOO_SMALL'
    case 'too_big':
      return issue.origin === 'string' ? 'TOO_LONG' : 'TOO_LARGE'
    case 'invalid_format':
      return 'INVALID_FORMAT'
    case 'invalid_value':
      return 'INVALID_CHOICE'
    case 'unrecognized_keys':
      return 'UNKNOWN_FIELD'
    default:
      return 'INVALID'
  }
}

/** Parses with every issue's message replaced by its error code. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.ZodSafeParseResult<z.output<S>> {
  return schema.safeParse(input, { error: (issue) => issueCode(issue) })
}

/** A VALIDATION failure with one error code per field (the first issue of each path wins). */
export function invalid(error: z.ZodError, prefix = ''): Failure {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path]
    for (const path of keys) {
      const key = prefix + (path.map(String).join('.') || '_')
      fields[key] ??= issueCode(issue)
    }
  }
  return fail('VALIDATION', { fields })
}

/** Parses input, or returns the VALIDATION failure. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): { ok: true; data: z.output<S> } | Failure {
  const parsed = parseWith(schema, input)
  return parsed.success ? { ok: true, data: parsed.data } : invalid(parsed.error)
}
