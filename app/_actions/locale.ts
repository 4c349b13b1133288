'use server'

import { cookies } from 'next/headers'
import { isLocale, LOCALE_COOKIE } from '@/lib/i18n/locale'

// POST from the language switch; works without JavaScript too.
export async function setLocale(formData: FormData) {
  const locale = formData.get('locale')
  if (!isLocale(locale)) return
  ;(await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax', httpOnly: false })
}
