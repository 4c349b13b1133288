import 'server-only'
import { cookies, headers } from 'next/headers'
import { LOCALE_COOKIE, negotiateLocale, type Locale } from './locale'

/** The locale for this request: the signed-in user's setting, then the cookie, then Accept-Language. */
export async function requestLocale(userLocale?: string | null): Promise<Locale> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()])
  return negotiateLocale({
    user: userLocale,
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get('accept-language'),
  })
}
