'use server'

import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { sessionCookie } from '@/lib/auth/config'
import { safeNextPath, signInInput } from '@/lib/auth/schemas'
import { createSession } from '@/lib/auth/sessions'
import { auditSignIn, checkPassword } from '@/lib/auth/sign-in'
import { withSystem } from '@/lib/db'
import { requestInfo } from '@/lib/http/request'
import { requestLogger } from '@/lib/log'
import { fail, type Result } from '@/lib/result'
import { tenantFromHost } from '@/lib/tenancy/current'

export async function signIn(_previous: Result<null> | null, formData: FormData): Promise<Result<null>> {
  const [tenant, t] = await Promise.all([tenantFromHost(), getTranslations('auth')])
  if (!tenant) return fail('NOT_FOUND', { message: t('invalidCredentials') })
  const parsed = signInInput.safeParse(Object.fromEntries(formData))
  if (!parsed.success) return fail('INVALID_CREDENTIALS', { message: t('invalidCredentials') })
  const request = await requestInfo()
  const session = await withSystem(
    'sign-in',
    async (tx) => {
      const check = await checkPassword(tx, { organizationId: tenant.id, ...parsed.data })
      if (!check.ok) return null
      await auditSignIn(tx, tenant.id, check.userId, 'password')
      return createSession(tx, { organizationId: tenant.id, userId: check.userId, ip: request.ip, userAgent: request.userAgent })
    },
    { organizationId: tenant.id, request },
  )
  if (!session) {
    requestLogger({ requestId: request.requestId, organizationId: tenant.id }).warn({ ip: request.ip }, 'sign-in refused')
    return fail('INVALID_CREDENTIALS', { message: t('invalidCredentials') })
  }
  const cookie = sessionCookie()
  ;(await cookies()).set(cookie.name, session.token, { ...cookie.options, expires: session.expiresAt })
  redirect(safeNextPath(parsed.data.next))
}
