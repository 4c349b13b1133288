import { CloudOff, QrCode } from 'lucide-react'
import { getTranslations } from 'next-intl/server'
import { requireTenant } from '@/lib/tenancy/current'

// What the service worker shows for a page it has not kept (precached at install; no session needed).
export default async function OfflinePage({ params }: PageProps<'/t/[tenant]/offline'>) {
  await requireTenant(params)
  const t = await getTranslations('pwa')
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-6 px-6 text-center">
      <CloudOff aria-hidden className="size-16 text-gray-700" />
      <h1 className="text-2xl font-bold">{t('offlineTitle')}</h1>
      <p className="text-lg text-gray-800">{t('offlineBody')}</p>
      {/* A plain link: a full page load, which the service worker answers from its cache. */}
      <a href="/scan" className="btn btn-accent min-h-16 w-full text-xl">
        <QrCode aria-hidden className="size-7" />
        {t('openScan')}
      </a>
    </main>
  )
}
