// GET /serwist/<file> — the service worker and its source map, bundled from app/sw.ts at build time (any host;
// only company hosts register it). The proxy leaves /serwist/ alone.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createSerwistRoute } from '@serwist/turbopack'

// The offline page changes with the app: tie its precache revision to the worker's source and the messages.
const revision = createHash('sha256')
  .update(['app/sw.ts', 'messages/ja.json', 'messages/en.json'].map((f) => readFileSync(path.join(process.cwd(), f), 'utf8')).join('\0'))
  .digest('hex')
  .slice(0, 16)

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: 'app/sw.ts',
  // esbuild (native) is already here for drizzle-kit; the wasm build is not installed.
  useNativeEsbuild: true,
  // A classic worker: module service workers are newer than some phones on site.
  esbuildOptions: { format: 'iife' },
  additionalPrecacheEntries: [{ url: '/offline', revision }],
})
