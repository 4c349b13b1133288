import { defineConfig, globalIgnores } from 'eslint/config'
import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'

const driverImports = {
  paths: [
    { name: '@electric-sql/pglite', message: 'Only lib/db/ opens database connections.' },
    { name: 'postgres', message: 'Only lib/db/ opens database connections.' },
    { name: 'drizzle-orm/pglite', message: 'Only lib/db/ opens database connections.' },
    { name: 'drizzle-orm/postgres-js', message: 'Only lib/db/ opens database connections.' },
  ],
  patterns: [{ group: ['**/db/client', '**/db/context'], message: 'Use withTenant/withSystem from lib/db.' }],
}

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', 'out/**', 'build/**', 'next-env.d.ts', 'coverage/**', '.data/**', 'test-results/**', 'playwright-report/**']),
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', driverImports],
    },
  },
  {
    // The database layer, its tests, scripts and benchmarks may open connections.
    files: ['lib/db/**', 'tests/**', 'scripts/**', 'bench/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
])
