'use server'

import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { subdomainTaken } from '@/lib/accounts/register'
import { registerInput, subdomainSchema } from '@/lib/accounts/schemas'
import { registerCompanyFlow } from '@/lib/auth/flows'
import { withAnonymous } from '@/lib/db'
import { invalid, tooMany } from '@/lib/http/action-results'
import { requestInfo } from '@/lib/http/request'
import { fail, ok, type Result } from '@/lib/result'
import { tenantUrl } from '@/lib/urls'

export async function registerCompany(_previous: Result | null, formData: FormData): Promise<Result> {
  const parsed = registerInput.safeParse(Object.fromEntries(formData))
  if (!parsed.success) return invalid(parsed.error)
  const outcome = await registerCompanyFlow(parsed.data, await requestInfo())
  if (!outcome.ok) {
    if (outcome.reason === 'rate_limited') return tooMany(outcome.retryAfter)
    const t = await getTranslations('register')
    return outcome.reason === 'subdomain_taken'
      ? fail('SUBDOMAIN_TAKEN', t('subdomainTaken'), { subdomain: t('subdomainTaken') })
      : fail('EMAIL_TAKEN', t('emailTaken'), { email: t('emailTaken') })
  }
  redirect(tenantUrl(outcome.subdomain, `/auth/handoff?token=${outcome.handoff}`))
}

export type SubdomainStatus = { available: boolean; message: string }

/** As the subdomain is typed: the rule it breaks, "taken", or available (nothing more about other companies). */
export async function checkSubdomain(value: string): Promise<Result<SubdomainStatus>> {
  const [t, tv] = await Promise.all([getTranslations('register'), getTranslations('validation')])
  const parsed = subdomainSchema.safeParse(String(value).slice(0, 100))
  if (!parsed.success) return ok({ available: false, message: tv(parsed.error.issues[0]!.message as never) })
  const taken = await withAnonymous((tx) => subdomainTaken(tx, parsed.data))
  return ok({ available: !taken, message: taken ? t('subdomainTaken') : t('subdomainAvailable', { host: new URL(tenantUrl(parsed.data)).host }) })
}
