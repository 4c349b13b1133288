import type { Metadata } from 'next'

// Installable on phones: the web app manifest (Android) and Apple's home-screen app tags (iOS).
export const metadata: Metadata = {
  manifest: '/manifest.webmanifest',
  appleWebApp: { capable: true, title: 'Genba', statusBarStyle: 'black-translucent' },
  icons: { icon: [{ url: '/icons/icon-192.png', sizes: '192x192' }], apple: [{ url: '/icons/apple-touch-icon.png', sizes: '180x180' }] },
}

// The segment's own layout, so that not-found.tsx below bounds the pages of an unknown company.
export default function TenantLayout({ children }: { children: React.ReactNode }) {
  return children
}
