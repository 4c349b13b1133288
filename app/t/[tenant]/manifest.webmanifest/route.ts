// GET <company>/manifest.webmanifest — the installable app (Android's "add to home screen"); opens on the scan screen.
import { getTranslations } from 'next-intl/server'
import { currentTenant } from '@/lib/tenancy/current'

export async function GET(_: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const tenant = await currentTenant((await params).tenant)
  if (!tenant) return new Response(null, { status: 404 })
  const t = await getTranslations('pwa')
  const manifest = {
    id: '/scan',
    name: 'Genba',
    short_name: 'Genba',
    description: t('description'),
    lang: 'ja',
    start_url: '/scan',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    background_color: '#111827',
    theme_color: '#111827',
    categories: ['business', 'productivity'],
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
    shortcuts: [{ name: t('scanShortcut'), url: '/scan', icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }] }],
  }
  return Response.json(manifest, { headers: { 'Content-Type': 'application/manifest+json', 'Cache-Control': 'public, max-age=3600' } })
}
