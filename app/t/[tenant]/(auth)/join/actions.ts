'use server'

import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { joinInput } from '@/lib/accounts/schemas'
import { setSessionCookie } from '@/lib/auth/cookie'
import { joinCompany } from '@/lib/auth/flows'
import { invalid, tooMany } from '@/lib/http/action-results'
import { requestInfo } from '@/lib/http/request'
import { fail, type Result } from '@/lib/result'
import { tenantFromHost } from '@/lib/tenancy/current'

export async function join(_previous: Result | null, formData: FormData): Promise<Result> {
  const [tenant, t] = await Promise.all([tenantFromHost(), getTranslations('join')])
  if (!tenant) return fail('INVALID_INVITATION', t('invalid'))
  const parsed = joinInput.safeParse(Object.fromEntries(formData))
  if (!parsed.success) return invalid(parsed.error)
  const outcome = await joinCompany(tenant, parsed.data, await requestInfo())
  if (!outcome.ok) {
    if (outcome.reason === 'rate_limited') return tooMany(outcome.retryAfter)
    if (outcome.reason === 'password') return fail('INVALID_CREDENTIALS', t('wrongPassword'), { password: t('wrongPassword') })
    if (outcome.reason === 'seats') return fail('SEAT_LIMIT', t('seats'))
    return fail('INVALID_INVITATION', t('invalid'))
  }
  if (!outcome.session) redirect('/login?joined=1')
  await setSessionCookie(outcome.session)
  redirect('/')
}
