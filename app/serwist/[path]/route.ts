// GET /serwist/<file> — the service worker and its source map, bundled from app/sw.ts at build time (any host;
// only company hosts register it). The proxy leaves /serwist/ alone.
import { createHash } from 'node:crypto'
import { createSerwistRoute } from '@serwist/turbopack'
import en from '@/messages/en.json'
import ja from '@/messages/ja.json'

// The offline page's precache revision: its text comes from the messages (bump the number when its markup changes).
const OFFLINE_PAGE_VERSION = 1
const revision = createHash('sha256').update(JSON.stringify([OFFLINE_PAGE_VERSION, ja.pwa, en.pwa])).digest('hex').slice(0, 16)

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: 'app/sw.ts',
  // esbuild (native) is already here for drizzle-kit; the wasm build is not installed.
  useNativeEsbuild: true,
  // A classic worker: module service workers are newer than some phones on site.
  esbuildOptions: { format: 'iife' },
  additionalPrecacheEntries: [{ url: '/offline', revision }],
})
