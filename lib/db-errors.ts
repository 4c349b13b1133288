import type { Tx } from './db'
import { fail, ok, type Result } from './result'

interface PgErrorFields {
  code?: string
  constraint?: string
  constraint_name?: string
  hint?: string
}

/** The database error inside whatever the driver or drizzle wrapped it in (postgres.js and PGlite name fields differently). */
export function pgError(error: unknown): { code: string; constraint?: string; hint?: string } | undefined {
  let e: unknown = error
  for (let i = 0; i < 5 && e; i++) {
    const f = e as PgErrorFields
    if (typeof f.code === 'string' && /^[0-9A-Z]{5}$/.test(f.code)) {
      return { code: f.code, constraint: f.constraint ?? f.constraint_name, hint: f.hint }
    }
    e = (e as { cause?: unknown }).cause
  }
  return undefined
}

/**
 * Runs fn in a savepoint and turns the refusals the database is the judge of (unique keys, RLS, plan
 * limits, checks) into error codes; the surrounding transaction stays usable. Other errors are bugs: rethrown.
 * `constraints` names the error code for a given constraint (e.g. tools_org_code_key → TOOL_CODE_TAKEN).
 */
export async function attempt<T>(tx: Tx, fn: (tx: Tx) => Promise<T>, constraints: Record<string, string> = {}): Promise<Result<T>> {
  try {
    return ok(await tx.transaction(fn))
  } catch (error) {
    const e = pgError(error)
    if (!e) throw error
    const named = e.constraint ? constraints[e.constraint] : undefined
    if (named) return fail(named, { details: { constraint: e.constraint } })
    switch (e.code) {
      case 'GB001':
        return fail('PLAN_LIMIT_TOOLS', { details: { limit: Number(e.hint) } })
      case 'GB002':
        return fail('PLAN_LIMIT_CATEGORIES', { details: { limit: Number(e.hint) } })
      case '42501':
        return fail('FORBIDDEN')
      case '23505':
        return fail('CONFLICT', { details: { constraint: e.constraint } })
      case '23503':
        return fail('INVALID_REFERENCE', { details: { constraint: e.constraint } })
      case '23514':
        return fail('VALIDATION', { details: { constraint: e.constraint } })
      default:
        throw error
    }
  }
}
