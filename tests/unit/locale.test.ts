import { describe, expect, it } from 'vitest'
import { negotiateLocale } from '@/lib/i18n/locale'

describe('negotiateLocale', () => {
  it('prefers the user setting, then the cookie, then Accept-Language', () => {
    expect(negotiateLocale({ user: 'en', cookie: 'ja', acceptLanguage: 'ja' })).toBe('en')
    expect(negotiateLocale({ user: null, cookie: 'en', acceptLanguage: 'ja' })).toBe('en')
    expect(negotiateLocale({ acceptLanguage: 'en-US,en;q=0.9,ja;q=0.8' })).toBe('en')
    expect(negotiateLocale({ acceptLanguage: 'ja-JP,ja;q=0.9,en;q=0.5' })).toBe('ja')
    expect(negotiateLocale({ acceptLanguage: 'fr-FR,en;q=0.3,ja;q=0.7' })).toBe('ja')
  })

  it('ignores values it does not know and falls back to Japanese', () => {
    expect(negotiateLocale({ user: 'de', cookie: 'xx' })).toBe('ja')
    expect(negotiateLocale({ acceptLanguage: 'fr, de' })).toBe('ja')
    expect(negotiateLocale({})).toBe('ja')
  })
})
