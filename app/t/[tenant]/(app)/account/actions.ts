'use server'

import { cookies } from 'next/headers'
import { refresh } from 'next/cache'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { companyIdInput, disableTwoFactorInput, sessionIdInput, passwordChangeInput, profileInput, secondFactorInput } from '@/lib/accounts/schemas'
import { confirmTwoFactor, switchCompany } from '@/lib/auth/flows'
import { requireMember } from '@/lib/auth/member'
import { disableTwoFactor, startEnrolment, type Enrolment } from '@/lib/auth/two-factor'
import { withSystem, withTenant } from '@/lib/db'
import { failWith, invalid, tooMany } from '@/lib/http/action-results'
import { LOCALE_COOKIE } from '@/lib/i18n/locale'
import { changePassword, endMySession, updateProfile } from '@/lib/profile/commands'
import { fail, ok, type Result } from '@/lib/result'
import { tenantUrl } from '@/lib/urls'

const form = (formData: FormData) => Object.fromEntries(formData)

export async function saveProfile(_previous: Result | null, formData: FormData): Promise<Result> {
  const member = await requireMember()
  const parsed = profileInput.safeParse(form(formData))
  if (!parsed.success) return invalid(parsed.error)
  await withTenant(member.ctx, (tx) => updateProfile(tx, member.session.userId, parsed.data))
  ;(await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' })
  refresh()
  return ok()
}

export async function savePassword(_previous: Result | null, formData: FormData): Promise<Result> {
  const member = await requireMember()
  const parsed = passwordChangeInput.safeParse(form(formData))
  if (!parsed.success) return invalid(parsed.error)
  const { userId, sessionId } = member.session
  const done = await withSystem('password change', (tx) => changePassword(tx, { organizationId: member.tenant.id, userId, sessionId, ...parsed.data }), {
    organizationId: member.tenant.id,
    actorId: userId,
    request: member.ctx.request,
  })
  const t = await getTranslations('account')
  return done ? ok() : fail('INVALID_CREDENTIALS', t('wrongPassword'), { currentPassword: t('wrongPassword') })
}

export async function endSession(_previous: Result | null, formData: FormData): Promise<Result> {
  const member = await requireMember()
  const parsed = sessionIdInput.safeParse(form(formData))
  if (!parsed.success) return failWith('NOT_FOUND')
  const id = parsed.data.sessionId
  const ended = await withTenant(member.ctx, (tx) => endMySession(tx, id))
  if (!ended) return failWith('NOT_FOUND')
  if (id === member.session.sessionId) redirect('/login')
  refresh()
  return ok()
}

export async function beginTwoFactor(_previous: Result<Enrolment> | null): Promise<Result<Enrolment>> {
  const member = await requireMember()
  const enrolment = await withSystem('two-factor enrolment', (tx) => startEnrolment(tx, { userId: member.session.userId, email: member.session.email, issuer: `Genba (${member.tenant.name})` }), {
    organizationId: member.tenant.id,
    actorId: member.session.userId,
    request: member.ctx.request,
  })
  return enrolment ? ok(enrolment) : failWith('FORBIDDEN')
}

export async function finishTwoFactor(_previous: Result<{ recoveryCodes: string[] }> | null, formData: FormData): Promise<Result<{ recoveryCodes: string[] }>> {
  const member = await requireMember()
  const t = await getTranslations('twoFactor')
  const parsed = secondFactorInput.safeParse(form(formData))
  if (!parsed.success) return fail('INVALID_CODE', t('invalidCode'), { code: t('invalidCode') })
  const outcome = await confirmTwoFactor({ organizationId: member.tenant.id, userId: member.session.userId, request: member.ctx.request }, parsed.data.code)
  if (!outcome.ok) return outcome.reason === 'rate_limited' ? tooMany(outcome.retryAfter) : fail('INVALID_CODE', t('invalidCode'), { code: t('invalidCode') })
  return ok({ recoveryCodes: outcome.recoveryCodes })
}

export async function turnOffTwoFactor(_previous: Result | null, formData: FormData): Promise<Result> {
  const member = await requireMember()
  const parsed = disableTwoFactorInput.safeParse(form(formData))
  if (!parsed.success) return invalid(parsed.error)
  const done = await withSystem(
    'two-factor disable',
    (tx) => disableTwoFactor(tx, { organizationId: member.tenant.id, userId: member.session.userId, password: parsed.data.password }),
    { organizationId: member.tenant.id, actorId: member.session.userId, request: member.ctx.request },
  )
  const t = await getTranslations('account')
  if (!done) return fail('INVALID_CREDENTIALS', t('wrongPassword'), { password: t('wrongPassword') })
  refresh()
  return ok()
}

export async function goToCompany(formData: FormData) {
  const member = await requireMember()
  const parsed = companyIdInput.safeParse(form(formData))
  if (!parsed.success) return
  const target = await switchCompany(member.session.userId, parsed.data.organizationId, member.ctx.request ?? {})
  if (target) redirect(tenantUrl(target.subdomain, `/auth/handoff?token=${target.token}`))
}
