import 'server-only'
import { cookies, headers } from 'next/headers'
import { forbidden, redirect } from 'next/navigation'
import { cache } from 'react'
import { withAnonymous, withTenant, type TenantContext } from '../db'
import { twoFactorState } from '../profile/commands'
import { requestInfo } from '../http/request'
import { tenantFromHost } from '../tenancy/current'
import type { PublicTenant } from '../tenancy/queries'
import { sessionCookie } from './config'
import { atLeast, type Role } from './roles'
import { sessionMember, type SessionMember } from './sessions'

export interface Member {
  tenant: PublicTenant
  session: SessionMember
  role: Role
  /** Pass to withTenant: the claims of this member in this company, plus the request for the audit trail. */
  ctx: TenantContext
}

/** The signed-in member of the company this host names, re-checked against the database on every request. */
export const currentMember = cache(async (): Promise<Member | null> => {
  const tenant = await tenantFromHost()
  if (!tenant) return null
  const token = (await cookies()).get(sessionCookie().name)?.value
  if (!token || token.length > 100) return null
  const session = await withAnonymous((tx) => sessionMember(tx, token, tenant.id))
  if (!session) return null
  return {
    tenant,
    session,
    role: session.role,
    ctx: { userId: session.userId, organizationId: tenant.id, role: session.role, request: await requestInfo() },
  }
})

/** Where owners and admins set up two-step sign-in when their company requires it. */
export const TWO_FACTOR_SETUP_PATH = '/account/security'

/**
 * For pages and actions: the member, or off to the sign-in page (and back here afterwards); 403 below
 * `atLeast`. An owner or admin of a company that requires two-step sign-in, without it, gets only the
 * page that sets it up.
 */
export async function requireMember(options: { atLeast?: Role } = {}): Promise<Member> {
  const member = await currentMember()
  const path = (await headers()).get('x-genba-path') ?? '/'
  if (!member) redirect(`/login?next=${encodeURIComponent(path)}`)
  if (options.atLeast && !atLeast(member.role, options.atLeast)) forbidden()
  if (atLeast(member.role, 'admin') && !path.startsWith(TWO_FACTOR_SETUP_PATH)) {
    const state = await withTenant(member.ctx, (tx) => twoFactorState(tx))
    if (state.required && !state.enabled) redirect(TWO_FACTOR_SETUP_PATH)
  }
  return member
}
