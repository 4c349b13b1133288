'use server'

import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { secondFactorInput } from '@/lib/accounts/schemas'
import { CHALLENGE_COOKIE, setSessionCookie } from '@/lib/auth/cookie'
import { completeSecondFactor } from '@/lib/auth/flows'
import { safeNextPath } from '@/lib/auth/schemas'
import { tooMany } from '@/lib/http/action-results'
import { requestInfo } from '@/lib/http/request'
import { fail, type Result } from '@/lib/result'
import { tenantFromHost } from '@/lib/tenancy/current'

export async function verifyCode(_previous: Result | null, formData: FormData): Promise<Result> {
  const [tenant, t, jar] = await Promise.all([tenantFromHost(), getTranslations('twoFactor'), cookies()])
  const challenge = jar.get(CHALLENGE_COOKIE)?.value
  if (!tenant || !challenge) return fail('EXPIRED', t('expired'))
  const parsed = secondFactorInput.safeParse(Object.fromEntries(formData))
  if (!parsed.success) return fail('INVALID_CODE', t('invalidCode'), { code: t('invalidCode') })
  const outcome = await completeSecondFactor(tenant, { challenge, code: parsed.data.code }, await requestInfo())
  if (!outcome.ok) {
    if (outcome.reason === 'rate_limited') return tooMany(outcome.retryAfter)
    if (outcome.reason === 'expired') return fail('EXPIRED', t('expired'))
    return fail('INVALID_CODE', t('invalidCode'), { code: t('invalidCode') })
  }
  jar.delete(CHALLENGE_COOKIE)
  await setSessionCookie(outcome.session)
  redirect(safeNextPath(formData.get('next')?.toString()))
}
