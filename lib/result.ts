import type { z } from 'zod'

/**
 * The one result shape (STYLE.md): commands and actions return it; code only throws for bugs.
 * Commands fill `code` and field codes (the UI translates them); server actions that answer a form
 * directly add the translated `message` and field messages.
 */
export interface AppError {
  code: string
  message?: string
  /** Field path ('name', 'customFields.calibration_date') → error code (REQUIRED, TOO_LONG…) or translated message. */
  fields?: Record<string, string>
  details?: Record<string, unknown>
  /** RATE_LIMITED only: seconds until trying again makes sense (what Retry-After would say). */
  retryAfter?: number
}

export type Failure = { ok: false; error: AppError }
export type Result<T = undefined> = { ok: true; data: T } | Failure
/** What server actions answering a form return (message always present). */
export type ActionError = AppError & { message: string }

export const ok = <T = undefined>(data?: T): Result<T> => ({ ok: true, data: data as T })

/** fail('CODE', { message, fields, details }) — or, in form actions, fail('CODE', message, fields). */
export function fail(code: string, extra?: Omit<AppError, 'code'> | string, fields?: Record<string, string>): Failure {
  if (typeof extra === 'string') return { ok: false, error: fields ? { code, message: extra, fields } : { code, message: extra } }
  return { ok: false, error: { code, ...extra } }
}

export const rateLimited = (message: string, retryAfter: number): Failure => ({ ok: false, error: { code: 'RATE_LIMITED', message, retryAfter } })

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
