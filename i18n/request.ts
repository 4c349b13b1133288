import { getRequestConfig } from 'next-intl/server'
import { currentMember } from '@/lib/auth/member'
import { requestLocale } from '@/lib/i18n/request-locale'

export default getRequestConfig(async () => {
  const member = await currentMember()
  const locale = await requestLocale(member?.session.locale)
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    timeZone: 'Asia/Tokyo',
  }
})
