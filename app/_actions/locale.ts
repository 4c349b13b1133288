'use server'

import { cookies } from 'next/headers'
import { currentMember } from '@/lib/auth/member'
import { withTenant } from '@/lib/db'
import { isLocale, LOCALE_COOKIE } from '@/lib/i18n/locale'
import { setUserLocale } from '@/lib/profile/commands'

// POST from the language switch; works without JavaScript. A signed-in member's choice is kept on their account.
export async function setLocale(formData: FormData) {
  const locale = formData.get('locale')
  if (!isLocale(locale)) return
  ;(await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax', httpOnly: false })
  const member = await currentMember()
  if (member) await withTenant(member.ctx, (tx) => setUserLocale(tx, member.session.userId, locale))
}
