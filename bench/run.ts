// npm run bench — the production build against a real PostgreSQL, measured from a second process.
// Prints one table of figures; targets live in the issues, never in tests.
import { existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { runAsSystem } from '../lib/db/context'
import { openPostgres } from '../lib/db/client'
import { migrate } from '../lib/db/migrate'
import { seedDemo } from '../lib/db/seed'
import { createSession } from '../lib/auth/sessions'
// @ts-expect-error -- plain ESM helper shared with scripts/test.mjs
import { ensurePostgres, ensureSystemPackages, sh } from '../scripts/lib/system.mjs'
import { benchCompanies, loadBigData } from './lib/bigdata'
import { printTable, runLoad, runWork, type LoadResult } from './lib/load'
import { loadFleet, nextMove, rawMove, rawSyncRequest, type RawMember } from './lib/moves'
import { rssMb, startServer } from './lib/server'
import { dashboardScenario } from './scenarios/dashboard'

const PORT = Number(process.env.BENCH_PORT ?? 3900)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const SMALL_COMPANIES = Number(process.env.BENCH_SMALL_COMPANIES ?? 50)
const CLIENTS = [1, 10, 50]
/** The app's pool size (lib/db/client.ts default), also used for the raw runs so both reach Postgres alike. */
const POOL = 10
const DB = 'genba_bench'
const root = path.resolve(import.meta.dirname, '..')

ensureSystemPackages()
ensurePostgres()
const adminServer = process.env.TEST_DATABASE_ADMIN_URL!
const appServer = process.env.DATABASE_URL_TEST!
const withDb = (url: string) => Object.assign(new URL(url), { pathname: `/${DB}` }).toString()

const loadBefore = os.loadavg()[0]!
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

console.log(`Loading one big company and ${SMALL_COMPANIES} small ones (set-based SQL, triggers off for the load)…`)
const loadStarted = Date.now()
const admin = postgres(withDb(adminServer), { max: 1, onnotice: () => {} })
const loaded = await loadBigData(admin, benchCompanies(SMALL_COMPANIES))
const big = loaded[0]!
const [size] = await admin<{ tools: number; moves: number; bigTools: number; bigMoves: number }[]>`
  select (select count(*)::int from tools) as tools, (select count(*)::int from tool_movements) as moves,
    (select count(*)::int from tools where organization_id = ${big.id}) as "bigTools",
    (select count(*)::int from tool_movements where organization_id = ${big.id}) as "bigMoves"`
console.log(
  `  ${size!.tools} tools and ${size!.moves} moves in ${loaded.length} companies (the big one: ${size!.bigTools} tools, ${size!.bigMoves} moves), ` +
    `checked consistent, in ${((Date.now() - loadStarted) / 1000).toFixed(1)} s`,
)
const movers: RawMember[] = []
// Every member who moves tools gets a session: the app's requests take them in turn, so no member passes the
// product's own limit of 100 scans a minute (seed 004 §4.4) and the figures measure moves, not 429s.
for (const userId of big.movers) {
  const session = await runAsSystem(db.orm, 'benchmark session', (tx) => createSession(tx, { organizationId: big.id, userId }))
  movers.push({ userId, organizationId: big.id, subdomain: big.subdomain, token: session.token })
}
const bigOwner = await runAsSystem(db.orm, 'benchmark session', (tx) => createSession(tx, { organizationId: big.id, userId: big.owner }))
const fleet = await loadFleet(admin, big.id, Math.max(...CLIENTS))
await admin.end()
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
  // The dashboard of the big company, signed in as its owner (bench/scenarios/dashboard.ts).
  const bigHost = `${big.subdomain}.localhost:${PORT}`
  results.push(...(await dashboardScenario({ port: PORT, host: bigHost, cookie: `genba_session=${bigOwner.token}`, seconds: SECONDS })))
  results.push(await runLoad({ label: 'company home, small demo company (SSR)', port: PORT, concurrency: 10, seconds: SECONDS, next: () => ({ path: '/', host, headers: { cookie } }) }))
  results.push(await runLoad({ label: 'sign-in page', port: PORT, concurrency: 10, seconds: SECONDS, next: () => ({ path: '/login', host }) }))

  // Scan and move: each request a different tool of the big company, a fresh clientId, always a valid move.
  let turn = 0
  const moveRequest = (client: number) => ({
    method: 'POST',
    path: '/api/moves/sync',
    host: bigHost,
    headers: { cookie: `genba_session=${movers[turn++ % movers.length]!.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ items: [nextMove(fleet, client)] }),
  })
  const applied = (_status: number, body: string) => (JSON.parse(body) as { results?: { outcome?: string }[] }).results?.[0]?.outcome === 'applied'
  // The movement history of the big company: the newest page of its ~227,000 moves, and one place's.
  const historyCookie = { cookie: `genba_session=${movers[0]!.token}` }
  await runLoad({ label: 'warm-up', port: PORT, concurrency: 1, seconds: 2, next: () => ({ path: '/movements', host: bigHost, headers: historyCookie }) })
  results.push(await runLoad({ label: 'movement history, big company (SSR)', port: PORT, concurrency: 10, seconds: SECONDS, next: () => ({ path: '/movements', host: bigHost, headers: historyCookie }) }))
  results.push(
    await runLoad({
      label: 'movement history of one site, big company (SSR)',
      port: PORT,
      concurrency: 10,
      seconds: SECONDS,
      next: (_c, i) => ({ path: `/movements?location=${fleet.sites[i % fleet.sites.length]}`, host: bigHost, headers: historyCookie }),
    }),
  )

  const raw = postgres(withDb(appServer), { max: POOL, prepare: false, onnotice: () => {} })
  try {
    await runLoad({ label: 'warm-up', port: PORT, concurrency: 2, seconds: 2, next: moveRequest, okBody: applied })
    for (const concurrency of CLIENTS) {
      const app = await runLoad({ label: 'scan-and-move: POST /api/moves/sync, 1 item (app)', port: PORT, concurrency, seconds: SECONDS, next: moveRequest, okBody: applied })
      const tx = await runWork({ label: '… applyMove transaction only, postgres.js (raw)', concurrency, seconds: SECONDS, work: (client) => rawMove(raw, movers[client]!, nextMove(fleet, client)) })
      const all = await runWork({ label: '… the request’s 3 transactions, postgres.js (raw)', concurrency, seconds: SECONDS, work: (client) => rawSyncRequest(raw, movers[client]!, nextMove(fleet, client)) })
      app.note = `app/raw ${((app.rps / tx.rps) * 100).toFixed(0)}% (vs 3 tx: ${((app.rps / all.rps) * 100).toFixed(0)}%)`
      results.push(app, tx, all)
    }
  } finally {
    await raw.end()
  }
  console.log(
    `\nGenba benchmark — ${new Date().toISOString()} — next start on PostgreSQL, ${SECONDS} s per row, pool ${POOL}, ${os.cpus().length} cores, ` +
      `load average ${loadBefore.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after\n`,
  )
  printTable(results)
  console.log(`\nserver RSS after the run: ${(await rssMb(app.process.pid!)).toFixed(0)} MB`)
} finally {
  app.stop()
}
