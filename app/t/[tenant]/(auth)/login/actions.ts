'use server'

import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { setChallengeCookie, setSessionCookie } from '@/lib/auth/cookie'
import { signInWithPassword } from '@/lib/auth/flows'
import { safeNextPath, signInInput } from '@/lib/auth/schemas'
import { tooMany } from '@/lib/http/action-results'
import { requestInfo } from '@/lib/http/request'
import { fail, type Result } from '@/lib/result'
import { tenantFromHost } from '@/lib/tenancy/current'

export async function signIn(_previous: Result<null> | null, formData: FormData): Promise<Result<null>> {
  const [tenant, t] = await Promise.all([tenantFromHost(), getTranslations('auth')])
  if (!tenant) return fail('NOT_FOUND', { message: t('invalidCredentials') })
  const parsed = signInInput.safeParse(Object.fromEntries(formData))
  if (!parsed.success) return fail('INVALID_CREDENTIALS', t('invalidCredentials'))
  const outcome = await signInWithPassword(tenant, parsed.data, await requestInfo())
  if (!outcome.ok) return outcome.reason === 'rate_limited' ? tooMany(outcome.retryAfter) : fail('INVALID_CREDENTIALS', t('invalidCredentials'))
  const next = safeNextPath(parsed.data.next)
  if ('twoFactor' in outcome) {
    await setChallengeCookie(outcome.twoFactor)
    redirect(`/login/two-factor?next=${encodeURIComponent(next)}`)
  }
  await setSessionCookie(outcome.session)
  redirect(next)
}
