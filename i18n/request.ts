import { getRequestConfig } from 'next-intl/server'
import { requestLocale } from '@/lib/i18n/request-locale'

export default getRequestConfig(async () => {
  const locale = await requestLocale()
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    timeZone: 'Asia/Tokyo',
  }
})
