import { getLocale, getTranslations } from 'next-intl/server'
import { setLocale } from '@/app/_actions/locale'
import { locales } from '@/lib/i18n/locale'

const labels = { ja: 'japanese', en: 'english' } as const

export async function LanguageSwitch() {
  const [current, t] = await Promise.all([getLocale(), getTranslations('common')])
  return (
    <form action={setLocale} aria-label={t('language')} className="flex overflow-hidden rounded-lg border-2 border-gray-300 bg-white text-sm font-bold">
      {locales.map((locale) => (
        <button
          key={locale}
          name="locale"
          value={locale}
          type="submit"
          lang={locale}
          aria-pressed={current === locale}
          className={`min-h-10 min-w-16 px-3 ${current === locale ? 'bg-ink text-white' : 'text-ink hover:bg-gray-100'}`}
        >
          {t(labels[locale])}
        </button>
      ))}
    </form>
  )
}
