/** The one shape every server action returns (STYLE rule 6). */
export interface ActionError {
  code: string
  message: string
  /** Field name → translated message, for inline errors. */
  fields?: Record<string, string>
  /** RATE_LIMITED only: seconds until trying again makes sense (what Retry-After would say). */
  retryAfter?: number
}

export type Result<T = undefined> = { ok: true; data: T } | { ok: false; error: ActionError }

export const ok = <T = undefined>(data?: T): Result<T> => ({ ok: true, data: data as T })

export const fail = (code: string, message: string, fields?: Record<string, string>): { ok: false; error: ActionError } => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message },
})

export const rateLimited = (message: string, retryAfter: number): { ok: false; error: ActionError } => ({
  ok: false,
  error: { code: 'RATE_LIMITED', message, retryAfter },
})
