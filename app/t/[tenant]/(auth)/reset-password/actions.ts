'use server'

import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { resetPasswordInput } from '@/lib/accounts/schemas'
import { resetPasswordWithToken } from '@/lib/auth/flows'
import { invalid, tooMany } from '@/lib/http/action-results'
import { requestInfo } from '@/lib/http/request'
import { fail, type Result } from '@/lib/result'
import { tenantFromHost } from '@/lib/tenancy/current'

export async function resetPassword(_previous: Result | null, formData: FormData): Promise<Result> {
  const [tenant, t] = await Promise.all([tenantFromHost(), getTranslations('reset')])
  if (!tenant) return fail('INVALID_TOKEN', t('invalid'))
  const parsed = resetPasswordInput.safeParse(Object.fromEntries(formData))
  if (!parsed.success) return invalid(parsed.error)
  const outcome = await resetPasswordWithToken(tenant, parsed.data, await requestInfo())
  if (!outcome.ok) return outcome.reason === 'rate_limited' ? tooMany(outcome.retryAfter) : fail('INVALID_TOKEN', t('invalid'))
  redirect('/login?reset=1')
}
