import type messages from './messages/ja.json'
import type { Locale } from './lib/i18n/locale'

declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale
    Messages: typeof messages
  }
}
