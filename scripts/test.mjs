#!/usr/bin/env node
// `npm test`: installs what the tests need (when it can), then type check, lint, unit and database tests
// on PGlite and Postgres with coverage of lib/, the production build, and end-to-end tests in Chromium.
// The last line is the total over every suite: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
process.env.NEXT_TELEMETRY_DISABLED = '1'
process.chdir(root)
const bin = (name) => path.join(root, 'node_modules', '.bin', name)
const results = []
const started = Date.now()

function sh(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env, ...options })
  return result.status ?? 1
}

function quiet(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', env: process.env })
  return { status: result.status ?? 1, out: `${result.stdout ?? ''}${result.stderr ?? ''}` }
}

function stop(message) {
  console.error(`\nnpm test cannot run: ${message}`)
  console.log('0 passed, 1 failed')
  process.exit(2)
}

const isRoot = process.getuid?.() === 0
const canSudo = () => !isRoot && quiet('sudo', ['-n', 'true']).status === 0
const asRoot = (args) => (isRoot ? args : ['sudo', '-n', ...args])

function pgBinDir() {
  const base = '/usr/lib/postgresql'
  if (!existsSync(base)) return null
  const versions = readdirSync(base).filter((v) => existsSync(path.join(base, v, 'bin', 'postgres'))).sort((a, b) => Number(b) - Number(a))
  return versions.length ? path.join(base, versions[0], 'bin') : null
}

function ensureSystemPackages() {
  const needPostgres = !(process.env.TEST_DATABASE_ADMIN_URL && process.env.DATABASE_URL_TEST)
  const missing = []
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium')
  if (needPostgres && !pgBinDir()) missing.push('postgresql')
  const aptGet = existsSync('/usr/bin/apt-get')
  // Optional: the rate-limit tests also run against a real Redis (the REDIS_URL path) when it is there.
  if (!existsSync('/usr/bin/redis-server') && aptGet && (isRoot || canSudo())) missing.push('redis-server')
  if (missing.length === 0) return
  if (!aptGet || !(isRoot || canSudo())) {
    stop(
      `missing ${missing.join(' and ')}.\nInstall with:  sudo apt-get install -y ${missing.join(' ')}\n` +
        `(Chromium must be at /usr/bin/chromium; without redis-server the Redis rate-limit test is skipped. Instead of a local PostgreSQL you may set TEST_DATABASE_ADMIN_URL and DATABASE_URL_TEST; see README.)`,
    )
  }
  console.log(`Installing ${missing.join(', ')} with apt-get…`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  if (sh(asRoot(['apt-get'])[0], [...asRoot(['apt-get']).slice(1), 'update', '-qq'], { env }) !== 0) stop('apt-get update failed')
  const install = asRoot(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...missing])
  if (sh(install[0], install.slice(1), { env }) !== 0) stop(`apt-get install ${missing.join(' ')} failed`)
}

/** A local PostgreSQL on loopback with the roles the suites use, unless the caller brought one. */
function ensurePostgres() {
  if (process.env.TEST_DATABASE_ADMIN_URL && process.env.DATABASE_URL_TEST) return
  if (!isRoot && !canSudo()) {
    stop('a local PostgreSQL is needed and this user cannot manage it (no root, no passwordless sudo).\n' +
      'Either run as root, or set TEST_DATABASE_ADMIN_URL (a superuser) and DATABASE_URL_TEST (a NOINHERIT login role) — see README.')
  }
  const clusters = quiet('pg_lsclusters', ['-h']).out.trim().split('\n').filter(Boolean)
  if (clusters.length === 0) {
    const version = path.basename(path.dirname(pgBinDir()))
    const create = asRoot(['pg_createcluster', version, 'main'])
    if (sh(create[0], create.slice(1)) !== 0) stop('pg_createcluster failed')
  }
  const [version, name, port] = (quiet('pg_lsclusters', ['-h']).out.trim().split('\n')[0] ?? '').split(/\s+/)
  const start = asRoot(['pg_ctlcluster', version, name, 'start'])
  const started = quiet(start[0], start.slice(1))
  if (started.status !== 0 && !/already running/.test(started.out)) stop(`could not start PostgreSQL ${version}/${name}: ${started.out}`)
  for (let i = 0; i < 30 && quiet('pg_isready', ['-q', '-h', '127.0.0.1', '-p', port]).status !== 0; i++) spawnSync('sleep', ['1'])
  const psql = [...asRoot(['runuser', '-u', 'postgres', '--']), 'psql', '-q', '-p', port, '-v', 'ON_ERROR_STOP=1', '-c']
  const setup =
    "alter role postgres password 'postgres'; " +
    "do $$ begin if not exists (select 1 from pg_roles where rolname = 'genba_app') then " +
    "create role genba_app login noinherit password 'genba_app'; end if; end $$;"
  const r = quiet(psql[0], [...psql.slice(1), setup])
  if (r.status !== 0) stop(`could not prepare PostgreSQL roles: ${r.out}`)
  process.env.TEST_DATABASE_ADMIN_URL = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`
  process.env.DATABASE_URL_TEST = `postgres://genba_app:genba_app@127.0.0.1:${port}/postgres`
}

function step(name, command, args, options) {
  console.log(`\n━━ ${name} ━━`)
  const t = Date.now()
  const status = sh(command, args, options)
  return { status, seconds: ((Date.now() - t) / 1000).toFixed(1) }
}

function record(suite, passed, failed, skipped, seconds, note = '') {
  results.push({ suite, passed, failed, skipped, seconds, note })
}

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

ensureSystemPackages()
ensurePostgres()
mkdirSync('test-results', { recursive: true })

{
  const typegen = quiet(bin('next'), ['typegen'])
  const r = typegen.status === 0 ? step('type check', bin('tsc'), ['--noEmit']) : { status: 1, seconds: '0' }
  if (typegen.status !== 0) console.log(typegen.out)
  record('typecheck', r.status === 0 ? 1 : 0, r.status === 0 ? 0 : 1, 0, r.seconds)
}
{
  const r = step('lint', bin('eslint'), ['.', '--max-warnings=0'])
  record('lint', r.status === 0 ? 1 : 0, r.status === 0 ? 0 : 1, 0, r.seconds)
}
{
  rmSync('test-results/vitest.json', { force: true })
  const r = step('unit + database (PGlite, Postgres) with coverage of lib/', bin('vitest'), [
    'run',
    '--coverage',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=test-results/vitest.json',
  ])
  const report = readJson('test-results/vitest.json')
  if (!report) record('vitest', 0, 1, 0, r.seconds, 'no report')
  else {
    const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
    record('vitest', report.numPassedTests, report.numFailedTests, skipped, r.seconds)
    const summary = readJson('coverage/coverage-summary.json')?.total
    const lines = summary?.lines?.pct
    // A coverage threshold miss fails vitest without failing a test: count it as a failed check.
    const coverageOk = r.status === 0 || report.numFailedTests > 0
    record('coverage lib/', coverageOk ? 1 : 0, coverageOk ? 0 : 1, 0, '-', lines === undefined ? '' : `lines ${lines}%`)
  }
}
{
  const r = step('production build', bin('next'), ['build'])
  record('build', r.status === 0 ? 1 : 0, r.status === 0 ? 0 : 1, 0, r.seconds)
  if (r.status === 0) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'genba-e2e-'))
    rmSync('test-results/e2e.json', { force: true })
    const e2e = step('end-to-end (Chromium)', bin('playwright'), ['test'], { env: { ...process.env, E2E_DATA_DIR: dataDir } })
    const report = readJson('test-results/e2e.json')
    const stats = report?.stats
    if (!stats) record('e2e', 0, 1, 0, e2e.seconds, 'no report')
    else record('e2e', stats.expected + stats.flaky, stats.unexpected, stats.skipped, e2e.seconds, stats.flaky ? `${stats.flaky} flaky` : '')
    rmSync(dataDir, { recursive: true, force: true })
  } else {
    record('e2e', 0, 1, 0, '0', 'not run: build failed')
  }
}

const total = results.reduce((a, r) => ({ passed: a.passed + r.passed, failed: a.failed + r.failed, skipped: a.skipped + r.skipped }), { passed: 0, failed: 0, skipped: 0 })
console.log('\n━━ summary ━━')
console.log('suite            passed  failed  skipped  seconds  note')
for (const r of results) {
  console.log(`${r.suite.padEnd(16)} ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${String(r.skipped).padStart(7)}  ${String(r.seconds).padStart(7)}  ${r.note}`)
}
console.log(`total time ${((Date.now() - started) / 1000).toFixed(0)} s`)
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`)
process.exit(total.failed > 0 ? 1 : 0)
