import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { LanguageSwitch } from '@/components/language-switch'

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations('site')
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-gray-200 bg-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
          <Link href="/" className="text-2xl font-black tracking-tight">
            Genba
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      <div className="flex-1">{children}</div>
      <footer className="border-t border-gray-200 bg-white px-4 py-6 text-center text-sm text-gray-600">{t('footer')}</footer>
    </div>
  )
}
