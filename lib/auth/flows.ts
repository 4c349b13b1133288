import { sql } from 'drizzle-orm'
import { acceptInvitation, type AcceptOutcome } from '../accounts/invitations'
import { registerCompany, type RegisterOutcome } from '../accounts/register'
import type { JoinInput, RegisterInput } from '../accounts/schemas'
import { withSystem, type RequestInfo } from '../db'
import { rows } from '../db/sql'
import { passwordResetMail } from '../mail/templates'
import { sendMail } from '../mail/send'
import { checkLimit, clearLimit, hitLimit, limitKey, type Limited } from '../rate-limit'
import type { PublicTenant } from '../tenancy/queries'
import { tenantUrl } from '../urls'
import { issueAuthToken, peekAuthToken, redeemAuthToken } from './auth-tokens'
import { requestPasswordReset, resetPassword } from './password-reset'
import { createSession } from './sessions'
import { auditSignIn, checkPassword } from './sign-in'
import { confirmEnrolment, verifySecondFactor } from './two-factor'
import type { Locale } from '../i18n/locale'
import type { Role } from './roles'

/*
 * The account flows that span a rate limit, one or more privileged transactions and mail. Server actions
 * call exactly one of these; each returns what happened, and the action turns it into a message.
 */

export interface NewSession {
  token: string
  expiresAt: Date
}

const limited = (l: Limited) => ({ ok: false as const, reason: 'rate_limited' as const, retryAfter: l!.retryAfter })

export type SignInOutcome =
  | { ok: true; session: NewSession }
  | { ok: true; twoFactor: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate_limited'; retryAfter: number }

/** Email and password on a company's host: 5 failures per 10 minutes per account and IP (20 per account from anywhere), then 429. */
export async function signInWithPassword(tenant: PublicTenant, input: { email: string; password: string }, request: RequestInfo): Promise<SignInOutcome> {
  const accountKey = limitKey(tenant.id, input.email, request.ip)
  const anywhereKey = limitKey(tenant.id, input.email)
  const ipKey = limitKey(request.ip)
  const blocked = (await checkLimit('signIn', accountKey)) ?? (await checkLimit('signInAccount', anywhereKey)) ?? (await checkLimit('signInIp', ipKey))
  if (blocked) return limited(blocked)
  const result = await withSystem(
    'sign-in',
    async (tx) => {
      const check = await checkPassword(tx, { organizationId: tenant.id, ...input })
      if (!check.ok) return null
      if (check.totpEnabled) return { twoFactor: await issueAuthToken(tx, { organizationId: tenant.id, userId: check.userId, purpose: 'two_factor' }) }
      await auditSignIn(tx, tenant.id, check.userId, 'password')
      return { session: await createSession(tx, { organizationId: tenant.id, userId: check.userId, ip: request.ip, userAgent: request.userAgent }) }
    },
    { organizationId: tenant.id, request },
  )
  if (!result) {
    await Promise.all([hitLimit('signIn', accountKey), hitLimit('signInAccount', anywhereKey), hitLimit('signInIp', ipKey)])
    return { ok: false, reason: 'invalid' }
  }
  await clearLimit('signIn', accountKey)
  return { ok: true, ...result }
}

export type SecondFactorOutcome =
  | { ok: true; session: NewSession }
  | { ok: false; reason: 'invalid' | 'expired' }
  | { ok: false; reason: 'rate_limited'; retryAfter: number }

/** The code after a right password; no session exists until it is right. 5 wrong codes per 10 minutes. */
export async function completeSecondFactor(tenant: PublicTenant, input: { challenge: string; code: string }, request: RequestInfo): Promise<SecondFactorOutcome> {
  const options = { organizationId: tenant.id, request }
  // Rate-limit calls stay outside the privileged transactions (PGlite has one connection).
  const userId = await withSystem('sign-in second factor', (tx) => peekAuthToken(tx, { organizationId: tenant.id, token: input.challenge, purpose: 'two_factor' }), options)
  if (!userId) return { ok: false, reason: 'expired' }
  const key = limitKey(tenant.id, userId)
  const blocked = await checkLimit('twoFactor', key)
  if (blocked) return limited(blocked)
  const outcome = await withSystem(
    'sign-in second factor',
    async (tx): Promise<SecondFactorOutcome> => {
      const method = await verifySecondFactor(tx, { userId, code: input.code })
      if (!method) {
        await tx.execute(sql`select app.write_audit(${tenant.id}::uuid, ${userId}::uuid, 'auth.two_factor_failed', 'users', ${userId}, null, null, null)`)
        return { ok: false, reason: 'invalid' }
      }
      if (!(await redeemAuthToken(tx, { organizationId: tenant.id, token: input.challenge, purpose: 'two_factor' }))) return { ok: false, reason: 'expired' }
      await auditSignIn(tx, tenant.id, userId, method)
      return { ok: true, session: await createSession(tx, { organizationId: tenant.id, userId, ip: request.ip, userAgent: request.userAgent }) }
    },
    options,
  )
  if (!outcome.ok && outcome.reason === 'invalid') {
    const now = await hitLimit('twoFactor', key)
    if (now) return limited(now)
  }
  if (outcome.ok) await clearLimit('twoFactor', key)
  return outcome
}

/** Exchanges a handoff token (sign-up, company switcher) for a session on this host. */
export async function redeemHandoff(tenant: PublicTenant, token: string, request: RequestInfo): Promise<NewSession | null> {
  return withSystem(
    'sign-in handoff',
    async (tx) => {
      const userId = await redeemAuthToken(tx, { organizationId: tenant.id, token, purpose: 'handoff' })
      if (!userId) return null
      await tx.execute(sql`select app.write_audit(${tenant.id}::uuid, ${userId}::uuid, 'auth.sign_in', 'users', ${userId}, null, '{"method":"handoff"}'::jsonb, null)`)
      return createSession(tx, { organizationId: tenant.id, userId, ip: request.ip, userAgent: request.userAgent })
    },
    { organizationId: tenant.id, request },
  )
}

/** A handoff to another company where this person is an active member (the company switcher). */
export async function switchCompany(userId: string, organizationId: string, request: RequestInfo): Promise<{ subdomain: string; token: string } | null> {
  return withSystem(
    'company switch',
    async (tx) => {
      const [target] = await rows<{ subdomain: string }>(
        tx,
        sql`select o.subdomain from organizations o join memberships m on m.organization_id = o.id and m.user_id = ${userId} and m.is_active
            where o.id = ${organizationId} and o.kind = 'tenant' and o.is_active and o.suspended_at is null and o.deleted_at is null`,
      )
      if (!target) return null
      return { subdomain: target.subdomain, token: await issueAuthToken(tx, { organizationId, userId, purpose: 'handoff' }) }
    },
    { organizationId, actorId: userId, request },
  )
}

export type RegisterFlowOutcome = RegisterOutcome | { ok: false; reason: 'rate_limited'; retryAfter: number }

/** Company sign-up on the apex: 20 per hour per IP. */
export async function registerCompanyFlow(input: RegisterInput, request: RequestInfo): Promise<RegisterFlowOutcome> {
  const blocked = await hitLimit('signUp', limitKey(request.ip))
  if (blocked) return limited(blocked)
  return withSystem('company sign-up', (tx) => registerCompany(tx, input), { request })
}

export type JoinOutcome =
  | { ok: true; session: NewSession | null; role: Role }
  | Exclude<AcceptOutcome, { ok: true }>
  | { ok: false; reason: 'rate_limited'; retryAfter: number }

/** Accepting an invitation: 10 attempts per 10 minutes per IP; signs in unless the login has two-factor on. */
export async function joinCompany(tenant: PublicTenant, input: JoinInput, request: RequestInfo): Promise<JoinOutcome> {
  const blocked = await hitLimit('invitationAccept', limitKey(tenant.id, request.ip))
  if (blocked) return limited(blocked)
  return withSystem(
    'invitation accept',
    async (tx) => {
      const accepted = await acceptInvitation(tx, tenant.id, input)
      if (!accepted.ok) return accepted
      await tx.execute(
        sql`select app.write_audit(${tenant.id}::uuid, ${accepted.userId}::uuid, 'invitation.accepted', 'memberships', ${accepted.userId}, null, ${JSON.stringify({ role: accepted.role, mode: input.mode })}::jsonb, null)`,
      )
      if (accepted.totpEnabled) return { ok: true as const, session: null, role: accepted.role }
      await auditSignIn(tx, tenant.id, accepted.userId, 'password')
      const session = await createSession(tx, { organizationId: tenant.id, userId: accepted.userId, ip: request.ip, userAgent: request.userAgent })
      return { ok: true as const, session, role: accepted.role }
    },
    { organizationId: tenant.id, request },
  )
}

/**
 * "Forgot password": the same answer whatever the email; a link (30 minutes, single use) goes out only to
 * an active member of this company. 5 requests per 10 minutes per email and IP, 20 per hour per IP.
 */
export async function forgotPassword(
  tenant: PublicTenant,
  input: { email: string; locale: Locale },
  request: RequestInfo,
): Promise<{ ok: true; send: () => Promise<unknown> } | { ok: false; reason: 'rate_limited'; retryAfter: number }> {
  const blocked = (await hitLimit('passwordReset', limitKey(tenant.id, input.email, request.ip))) ?? (await hitLimit('passwordResetIp', limitKey(request.ip)))
  if (blocked) return limited(blocked)
  const reset = await withSystem('password reset request', (tx) => requestPasswordReset(tx, { organizationId: tenant.id, email: input.email }), {
    organizationId: tenant.id,
    request,
  })
  // Sent after the answer (the caller hands this to after()), so timing does not tell who has an account.
  const send = () =>
    reset
      ? sendMail(
        passwordResetMail({
          locale: reset.locale ?? input.locale,
          to: input.email,
          company: tenant.name,
          url: tenantUrl(tenant.subdomain, `/reset-password?token=${reset.token}`),
        }),
      )
      : Promise.resolve()
  return { ok: true, send }
}

/** Sets a new password through a reset link, ending every session of that person. */
export async function resetPasswordWithToken(
  tenant: PublicTenant,
  input: { token: string; password: string },
  request: RequestInfo,
): Promise<{ ok: true } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'rate_limited'; retryAfter: number }> {
  const blocked = await hitLimit('passwordResetIp', limitKey('reset', request.ip))
  if (blocked) return limited(blocked)
  const done = await withSystem('password reset', (tx) => resetPassword(tx, { organizationId: tenant.id, ...input }), { organizationId: tenant.id, request })
  return done ? { ok: true } : { ok: false, reason: 'invalid' }
}

/** Confirms two-factor enrolment with a code; 5 wrong codes per 10 minutes, like sign-in. */
export async function confirmTwoFactor(
  ctx: { organizationId: string; userId: string; request?: RequestInfo },
  code: string,
): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'rate_limited'; retryAfter: number }> {
  const key = limitKey(ctx.organizationId, ctx.userId)
  const blocked = await checkLimit('twoFactor', key)
  if (blocked) return limited(blocked)
  const codes = await withSystem('two-factor enrolment', (tx) => confirmEnrolment(tx, { ...ctx, code }), {
    organizationId: ctx.organizationId,
    actorId: ctx.userId,
    request: ctx.request,
  })
  if (codes) return { ok: true, recoveryCodes: codes }
  const now = await hitLimit('twoFactor', key)
  return now ? limited(now) : { ok: false, reason: 'invalid' }
}
