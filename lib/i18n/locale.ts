import Negotiator from 'negotiator'

export const locales = ['ja', 'en'] as const
export type Locale = (typeof locales)[number]
export const defaultLocale: Locale = 'ja'
export const LOCALE_COOKIE = 'NEXT_LOCALE'

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (locales as readonly string[]).includes(value)

/** The user's own setting first, then the language cookie, then the browser's Accept-Language, then Japanese. */
export function negotiateLocale(input: { user?: string | null; cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(input.user)) return input.user
  if (isLocale(input.cookie)) return input.cookie
  if (input.acceptLanguage) {
    const best = new Negotiator({ headers: { 'accept-language': input.acceptLanguage } }).language([...locales])
    if (isLocale(best)) return best
  }
  return defaultLocale
}
