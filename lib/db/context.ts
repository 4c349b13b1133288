import { sql } from 'drizzle-orm'
import type { Role } from './schema/helpers'
import type { Orm, Tx } from './types'

/** Who is asking, and for which company: established on the server from the session and the host. */
export interface TenantContext {
  userId: string
  organizationId: string
  role: Role
  request?: RequestInfo
}

/** What the audit trail records about the request that caused a write. */
export interface RequestInfo {
  ip?: string | null
  userAgent?: string | null
  requestId?: string | null
}

/** The organisation id that platform-level audit rows (no company involved) are filed under. */
export const PLATFORM_ORG_ID = '00000000-0000-0000-0000-000000000000'

function requestJson(request: RequestInfo | undefined, reason?: string) {
  return JSON.stringify({
    ip: request?.ip ?? null,
    user_agent: request?.userAgent ?? null,
    request_id: request?.requestId ?? null,
    reason: reason ?? null,
  })
}

/**
 * The tenant contract (DESIGN.md): one transaction that switches to `authenticated` and sets the
 * claims; every policy then sees only this company, and only while the membership is active.
 */
export function runAsTenant<T>(orm: Orm, ctx: TenantContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const claims = JSON.stringify({ sub: ctx.userId, org_id: ctx.organizationId, org_role: ctx.role })
  return orm.transaction(async (tx) => {
    // set_config('role', …, true) is `set local role` in the same round trip as the claims.
    await tx.execute(
      sql`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${claims}, true), set_config('app.request', ${requestJson(ctx.request)}, true)`,
    )
    return fn(tx)
  })
}

export interface SystemOptions {
  /** The company the privileged work concerns; its audit chain gets the row. */
  organizationId?: string | null
  /** The person on whose behalf it runs, when there is one. */
  actorId?: string | null
  request?: RequestInfo
}

/**
 * A named privileged path: bypasses RLS (role genba_system) and writes an audit row with the reason
 * in the same transaction, so the access and its record stand or fall together.
 */
export function runAsSystem<T>(orm: Orm, reason: string, fn: (tx: Tx) => Promise<T>, options: SystemOptions = {}): Promise<T> {
  if (!reason.trim()) throw new Error('withSystem needs a reason')
  const claims = options.actorId ? JSON.stringify({ sub: options.actorId }) : ''
  return orm.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', 'genba_system', true), set_config('request.jwt.claims', ${claims}, true), set_config('app.request', ${requestJson(options.request, reason)}, true)`,
    )
    await tx.execute(
      sql`select app.write_audit(${options.organizationId ?? PLATFORM_ORG_ID}::uuid, ${options.actorId ?? null}::uuid, 'system', 'system', null, null, null, ${reason})`,
    )
    return fn(tx)
  })
}

/**
 * A transaction as `authenticated` with no claims: every table answers nothing, only the
 * granted security-definer lookups (such as app.tenant_by_subdomain) answer.
 */
export function runAnonymous<T>(orm: Orm, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return orm.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', '', true)`)
    return fn(tx)
  })
}
