// npm run bench — the production build against a real PostgreSQL, measured from a second process.
// Prints one table of figures; targets live in the issues, never in tests.
import { existsSync } from 'node:fs'
import path from 'node:path'
import postgres from 'postgres'
import { runAsSystem } from '../lib/db/context'
import { openPostgres } from '../lib/db/client'
import { migrate } from '../lib/db/migrate'
import { seedDemo } from '../lib/db/seed'
import { createSession } from '../lib/auth/sessions'
// @ts-expect-error -- plain ESM helper shared with scripts/test.mjs
import { ensurePostgres, ensureSystemPackages, sh } from '../scripts/lib/system.mjs'
import { printTable, runLoad, type LoadResult } from './lib/load'
import { rssMb, startServer } from './lib/server'

const PORT = Number(process.env.BENCH_PORT ?? 3900)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const DB = 'genba_bench'
const root = path.resolve(import.meta.dirname, '..')

ensureSystemPackages()
ensurePostgres()
const adminServer = process.env.TEST_DATABASE_ADMIN_URL!
const appServer = process.env.DATABASE_URL_TEST!
const withDb = (url: string) => Object.assign(new URL(url), { pathname: `/${DB}` }).toString()

console.log('Preparing the benchmark database…')
const server = postgres(adminServer, { max: 1, onnotice: () => {} })
await server.unsafe(`drop database if exists ${DB} with (force)`)
await server.unsafe(`create database ${DB}`)
await server.end()
const db = await openPostgres({ url: withDb(appServer), adminUrl: withDb(adminServer), max: 4 })
await migrate(db.admin!)
await db.admin!.query(`grant authenticated, genba_system to ${new URL(appServer).username}`)
const companies = await seedDemo(db)
const demo = companies.find((c) => c.subdomain === 'demo')!
const owner = demo.members.find((m) => m.role === 'owner')!
const { token } = await runAsSystem(db.orm, 'benchmark session', (tx) => createSession(tx, { organizationId: demo.id, userId: owner.userId }))
await db.close()

if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  console.log('Building…')
  if (sh(path.join(root, 'node_modules', '.bin', 'next'), ['build'], { cwd: root }) !== 0) process.exit(1)
}

const app = await startServer(PORT, { DATABASE_URL: withDb(appServer), APP_DOMAIN: `localhost:${PORT}`, FILE_URL_SECRET: 'bench-only-file-url-secret-0123456789abcdef' })
const host = `demo.localhost:${PORT}`
const cookie = `genba_session=${token}`
const results: LoadResult[] = []
try {
  // Warm up the routes once (first requests compile nothing in production, but fill caches and pools).
  await runLoad({ label: 'warm-up', port: PORT, concurrency: 2, seconds: 2, next: () => ({ path: '/', host, headers: { cookie } }) })
  for (const concurrency of [1, 10]) {
    results.push(await runLoad({ label: 'company home, signed in (SSR)', port: PORT, concurrency, seconds: SECONDS, next: () => ({ path: '/', host, headers: { cookie } }) }))
  }
  results.push(await runLoad({ label: 'sign-in page', port: PORT, concurrency: 10, seconds: SECONDS, next: () => ({ path: '/login', host }) }))
  console.log(`\nGenba benchmark — ${new Date().toISOString()} — next start on PostgreSQL, ${SECONDS} s per row\n`)
  printTable(results)
  console.log(`\nserver RSS after the run: ${(await rssMb(app.process.pid!)).toFixed(0)} MB`)
} finally {
  app.stop()
}
