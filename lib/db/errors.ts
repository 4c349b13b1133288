/** The SQLSTATE of a database error, however the driver or drizzle wrapped it. */
export function sqlState(error: unknown): string | undefined {
  let e: unknown = error
  for (let i = 0; i < 5 && e; i++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code
    e = (e as { cause?: unknown }).cause
  }
  return undefined
}

/** Our own SQLSTATEs, raised by app.guard_membership(). */
export const SEAT_LIMIT = 'GB001'
export const LAST_OWNER = 'GB002'
export const INSUFFICIENT_PRIVILEGE = '42501'
