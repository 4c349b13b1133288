import Link from 'next/link'
import { ArrowLeft } from 'lucide-react'
import { getTranslations } from 'next-intl/server'

export async function SettingsBack() {
  const t = await getTranslations('settings')
  return (
    <Link href="/settings" className="inline-flex min-h-12 items-center gap-2 self-start font-bold underline">
      <ArrowLeft aria-hidden className="size-5" />
      {t('title')}
    </Link>
  )
}
