import os from 'node:os'
import path from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = {
  '@': path.resolve(import.meta.dirname),
  // why: `server-only` throws outside Next's react-server build; in tests the guard has nothing to guard.
  'server-only': path.resolve(import.meta.dirname, 'tests/support/empty.ts'),
}

const dbProject = (name: string, kind: 'pglite' | 'postgres') => ({
  resolve: { alias },
  test: {
    name,
    include: ['tests/db/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/db/global-setup.ts'],
    // The demo seed stores a few photos: keep them out of the working tree.
    env: { TEST_DB: kind, DATA_DIR: path.join(os.tmpdir(), 'genba-test-data') },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})

export default defineConfig({
  resolve: { alias },
  test: {
    // Postgres runs only when the test script (or you) provide a server; see README.
    projects: [
      // Some unit tests render PDFs and decode images: a loaded 2-core machine needs more than the 5 s default.
      { resolve: { alias }, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      dbProject('db-pglite', 'pglite'),
      ...(process.env.TEST_DATABASE_ADMIN_URL ? [dbProject('db-postgres', 'postgres')] : []),
    ],
    coverage: {
      provider: 'v8',
      include: ['lib/**/*.ts'],
      exclude: ['lib/**/*.d.ts'],
      reporter: ['text-summary', 'json-summary'],
      thresholds: { lines: 90, statements: 90, functions: 90, branches: 80 },
    },
  },
})
