'use server'

import { refresh } from 'next/cache'
import { redirect } from 'next/navigation'
import { after } from 'next/server'
import { getLocale, getTranslations } from 'next-intl/server'
import { createInvitation, revokeInvitation } from '@/lib/accounts/invitations'
import { changeRole, setCompanySecurity, setMemberActive, transferOwnership, type MemberChange } from '@/lib/accounts/members'
import { companySecurityInput, invitationIdInput, inviteInput, memberInput, roleChangeInput } from '@/lib/accounts/schemas'
import { requireMember, TWO_FACTOR_SETUP_PATH } from '@/lib/auth/member'
import { twoFactorState } from '@/lib/profile/commands'
import { withTenant } from '@/lib/db'
import { failWith, invalid } from '@/lib/http/action-results'
import { invitationMail } from '@/lib/mail/templates'
import { sendMail } from '@/lib/mail/send'
import { fail, ok, type Result } from '@/lib/result'
import { tenantUrl } from '@/lib/urls'
import { isLocale } from '@/lib/i18n/locale'

const form = (formData: FormData) => Object.fromEntries(formData)

export async function invite(_previous: Result<{ link: string }> | null, formData: FormData): Promise<Result<{ link: string }>> {
  const member = await requireMember({ atLeast: 'admin' })
  const parsed = inviteInput.safeParse(form(formData))
  if (!parsed.success) return invalid(parsed.error)
  const outcome = await withTenant(member.ctx, (tx) => createInvitation(tx, member.ctx, parsed.data))
  const t = await getTranslations('members')
  if (!outcome.ok) return outcome.reason === 'already_member' ? fail('ALREADY_MEMBER', t('alreadyMember'), { email: t('alreadyMember') }) : failWith('FORBIDDEN')
  const link = tenantUrl(member.tenant.subdomain, `/join?token=${outcome.token}`)
  const locale = await getLocale()
  after(() =>
    sendMail(invitationMail({ locale: isLocale(locale) ? locale : 'ja', to: parsed.data.email, company: member.tenant.name, inviter: member.session.name, role: parsed.data.role, url: link })),
  )
  refresh()
  return ok({ link })
}

async function memberResult(change: MemberChange): Promise<Result> {
  if (change.ok) {
    refresh()
    return ok()
  }
  if (change.reason === 'forbidden' || change.reason === 'not_found') return failWith(change.reason === 'forbidden' ? 'FORBIDDEN' : 'NOT_FOUND')
  const t = await getTranslations('members')
  return fail(change.reason === 'last_owner' ? 'LAST_OWNER' : 'SEAT_LIMIT', t(change.reason === 'last_owner' ? 'lastOwner' : 'seats'))
}

export async function updateRole(_previous: Result | null, formData: FormData): Promise<Result> {
  const member = await requireMember({ atLeast: 'admin' })
  const parsed = roleChangeInput.safeParse(form(formData))
  if (!parsed.success) return invalid(parsed.error)
  return memberResult(await changeRole(member.ctx, parsed.data))
}

export async function deactivate(_previous: Result | null, formData: FormData): Promise<Result> {
  const member = await requireMember({ atLeast: 'admin' })
  const parsed = memberInput.safeParse(form(formData))
  if (!parsed.success) return invalid(parsed.error)
  return memberResult(await setMemberActive(member.ctx, { userId: parsed.data.userId, active: false }))
}

export async function reactivate(_previous: Result | null, formData: FormData): Promise<Result> {
  const member = await requireMember({ atLeast: 'admin' })
  const parsed = memberInput.safeParse(form(formData))
  if (!parsed.success) return invalid(parsed.error)
  return memberResult(await setMemberActive(member.ctx, { userId: parsed.data.userId, active: true }))
}

export async function transfer(_previous: Result | null, formData: FormData): Promise<Result> {
  const member = await requireMember({ atLeast: 'owner' })
  const parsed = memberInput.safeParse(form(formData))
  if (!parsed.success) return invalid(parsed.error)
  return memberResult(await transferOwnership(member.ctx, parsed.data))
}

export async function revokeInvite(_previous: Result | null, formData: FormData): Promise<Result> {
  const member = await requireMember({ atLeast: 'admin' })
  const parsed = invitationIdInput.safeParse(form(formData))
  if (!parsed.success) return invalid(parsed.error)
  const done = await withTenant(member.ctx, (tx) => revokeInvitation(tx, parsed.data.id))
  if (!done) return failWith('NOT_FOUND')
  refresh()
  return ok()
}

export async function updateSecurity(_previous: Result | null, formData: FormData): Promise<Result> {
  const member = await requireMember({ atLeast: 'admin' })
  const parsed = companySecurityInput.safeParse(form(formData))
  if (!parsed.success) return invalid(parsed.error)
  const state = await withTenant(member.ctx, async (tx) => (await setCompanySecurity(tx, member.tenant.id, parsed.data)) && twoFactorState(tx))
  if (!state) return failWith('FORBIDDEN')
  // Now required of the person saving it: straight to setting it up (a refresh would land on a redirect).
  if (state.required && !state.enabled) redirect(TWO_FACTOR_SETUP_PATH)
  refresh()
  return ok()
}
