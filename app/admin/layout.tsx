import { getTranslations } from 'next-intl/server'
import { LanguageSwitch } from '@/components/language-switch'

export async function generateMetadata() {
  const t = await getTranslations('admin')
  return { title: t('title'), robots: { index: false } }
}

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations('admin')
  return (
    <div className="min-h-dvh">
      <header className="bg-gray-900 text-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
          <p className="text-lg font-black">
            Genba <span className="font-normal text-gray-300">{t('title')}</span>
          </p>
          <LanguageSwitch />
        </div>
      </header>
      <div className="mx-auto max-w-6xl px-4 py-8">{children}</div>
    </div>
  )
}
