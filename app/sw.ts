// The service worker (bundled by @serwist/turbopack, served at /serwist/sw.js, registered only by the signed-in
// shell of a company host). It keeps what the scan screen needs in a basement: the app's static files
// (precached at install), the scan screen and home page as last seen, the offline index, and an offline page.
// Only GETs are handled: sign-in, server actions and the move sync (POSTs) always go to the network.
import { MEMBER_CACHES } from '../lib/scan/caches'
import { CacheableResponsePlugin, ExpirationPlugin, NetworkFirst, NetworkOnly, Serwist, StaleWhileRevalidate, type PrecacheEntry, type SerwistPlugin } from 'serwist'

declare global {
  interface WorkerGlobalScope {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined
  }
}
declare const self: ServiceWorkerGlobalScope

/** Pages that work offline once seen; everything else falls back to /offline. */
const OFFLINE_PAGES = new Set(['/', '/scan'])

/** A label opened offline (/scan?id=…) gets the cached scan screen; the screen reads the id itself. */
const withoutQuery: SerwistPlugin = {
  cacheKeyWillBeUsed: async ({ request }) => {
    const url = new URL(request.url)
    return `${url.origin}${url.pathname}`
  },
}

const okOnly = new CacheableResponsePlugin({ statuses: [200] })

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  disableDevLogs: true,
  runtimeCaching: [
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname === '/api/scan/index',
      handler: new NetworkFirst({ cacheName: MEMBER_CACHES.scanIndex, plugins: [okOnly, new ExpirationPlugin({ maxEntries: 2 })] }),
    },
    {
      // Documents only: RSC payloads (client navigations) and prefetches are not kept.
      matcher: ({ url, request, sameOrigin }) => sameOrigin && OFFLINE_PAGES.has(url.pathname) && !request.headers.has('RSC') && !url.searchParams.has('_rsc'),
      handler: new NetworkFirst({ cacheName: MEMBER_CACHES.pages, plugins: [okOnly, withoutQuery], matchOptions: { ignoreVary: true } }),
    },
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname === '/manifest.webmanifest',
      handler: new StaleWhileRevalidate({ cacheName: 'manifest', plugins: [okOnly] }),
    },
    {
      // Any other page: the network, or the offline page when there is none.
      matcher: ({ request }) => request.mode === 'navigate',
      handler: new NetworkOnly(),
    },
  ],
  fallbacks: {
    entries: [{ url: '/offline', matcher: ({ request }) => request.mode === 'navigate' }],
  },
})

serwist.addEventListeners()
