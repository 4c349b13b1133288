import type { NextConfig } from 'next'
import createNextIntlPlugin from 'next-intl/plugin'

const withNextIntl = createNextIntlPlugin('./i18n/request.ts')

const nextConfig: NextConfig = {
  // PGlite's wasm URL breaks when bundled; argon2 and sharp are native.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pdfkit', 'pino', 'postgres'],
  poweredByHeader: false,
  // The migrator reads the SQL files at start-up.
  outputFileTracingIncludes: {
    '/**': ['./supabase/migrations/*.sql', './node_modules/@expo-google-fonts/noto-sans-jp/{400Regular,700Bold}/*.ttf'],
  },
  typedRoutes: false,
  experimental: {
    authInterrupts: true,
    // Tool photos and documents arrive through server actions; the plan's per-file limit (at most 50 MB) is checked
    // by the command, so these only need to let the largest plan's file through.
    serverActions: { bodySizeLimit: '51mb' },
    proxyClientMaxBodySize: '51mb',
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(self), microphone=(), geolocation=()' },
        ],
      },
    ]
  },
}

export default withNextIntl(nextConfig)
