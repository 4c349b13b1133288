'use server'

import { refresh } from 'next/cache'
import { after } from 'next/server'
import { getTranslations } from 'next-intl/server'
import { requireMember, type Member } from '@/lib/auth/member'
import { forgetCompany } from '@/lib/dashboard/cache'
import { withTenant } from '@/lib/db'
import { invalid } from '@/lib/http/action-results'
import { isLocale } from '@/lib/i18n/locale'
import { forceCloseInput, forceCloseSite, remindHolders, remindInput, type Told } from '@/lib/locations/close-out'
import { closeSite } from '@/lib/locations/commands'
import { closeSiteInput } from '@/lib/locations/schemas'
import { sendMail } from '@/lib/mail/send'
import { siteMail } from '@/lib/notifications/mail'
import { fail, ok, type Result } from '@/lib/result'
import { tenantUrl } from '@/lib/urls'

const form = (formData: FormData) => Object.fromEntries(formData) as Record<string, string>

async function failure(code: string, details?: Record<string, unknown>): Promise<Result> {
  const t = await getTranslations('closeOut.errors')
  const known = ['FORBIDDEN', 'NOT_FOUND', 'SITE_HAS_TOOLS', 'SITE_ALREADY_CLOSED', 'VALIDATION', 'NOT_A_SITE'] as const
  const key = (known as readonly string[]).includes(code) ? (code as (typeof known)[number]) : 'VALIDATION'
  return fail(code, t(key, { count: Number(details?.count ?? 0) }))
}

/** Mails the holders who want it, after the answer has gone (a slow mail server never holds up the page). */
function mailHolders(me: Member, site: string, told: Told[], closed: boolean) {
  after(async () => {
    for (const p of told) {
      if (!p.email) continue
      const url = tenantUrl(me.tenant.subdomain, `/tools?holderId=${p.userId}`)
      await sendMail(siteMail({ locale: isLocale(p.locale) ? p.locale : 'ja', to: p.email, name: p.name, company: me.tenant.name, site, count: p.count, closed, url }))
    }
  })
}

export async function remindAction(_previous: Result | null, formData: FormData): Promise<Result> {
  const me = await requireMember({ atLeast: 'leader' })
  const parsed = remindInput.safeParse(form(formData))
  if (!parsed.success) return invalid(parsed.error)
  const result = await withTenant(me.ctx, (tx) => remindHolders(tx, parsed.data))
  if (!result.ok) return failure(result.error.code)
  mailHolders(me, result.data.site.name, result.data.told, false)
  return ok()
}

export async function closeAction(_previous: Result | null, formData: FormData): Promise<Result> {
  const me = await requireMember({ atLeast: 'leader' })
  const parsed = closeSiteInput.safeParse(form(formData))
  if (!parsed.success) return invalid(parsed.error)
  const result = await withTenant(me.ctx, (tx) => closeSite(tx, parsed.data))
  if (!result.ok) return failure(result.error.code, result.error.details)
  forgetCompany(me.tenant.id)
  refresh()
  return ok()
}

export async function forceCloseAction(_previous: Result | null, formData: FormData): Promise<Result> {
  const me = await requireMember({ atLeast: 'admin' })
  const parsed = forceCloseInput.safeParse(form(formData))
  if (!parsed.success) return invalid(parsed.error)
  const result = await withTenant(me.ctx, (tx) => forceCloseSite(tx, parsed.data))
  if (!result.ok) return failure(result.error.code)
  mailHolders(me, result.data.site.name, result.data.told, true)
  forgetCompany(me.tenant.id)
  refresh()
  return ok()
}
