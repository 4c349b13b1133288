'use server'

import { after } from 'next/server'
import { getLocale, getTranslations } from 'next-intl/server'
import { forgotPasswordInput } from '@/lib/accounts/schemas'
import { forgotPassword } from '@/lib/auth/flows'
import { invalid, tooMany } from '@/lib/http/action-results'
import { requestInfo } from '@/lib/http/request'
import { isLocale } from '@/lib/i18n/locale'
import { fail, ok, type Result } from '@/lib/result'
import { tenantFromHost } from '@/lib/tenancy/current'

export async function requestReset(_previous: Result | null, formData: FormData): Promise<Result> {
  const [tenant, t, locale] = await Promise.all([tenantFromHost(), getTranslations('forgot'), getLocale()])
  if (!tenant) return fail('NOT_FOUND', t('sent'))
  const parsed = forgotPasswordInput.safeParse(Object.fromEntries(formData))
  if (!parsed.success) return invalid(parsed.error)
  const outcome = await forgotPassword(tenant, { email: parsed.data.email, locale: isLocale(locale) ? locale : 'ja' }, await requestInfo())
  if (!outcome.ok) return tooMany(outcome.retryAfter)
  after(outcome.send)
  return ok()
}
