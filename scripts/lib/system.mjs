// What the test suite and the benchmarks need from the machine: Chromium, PostgreSQL, poppler, ffmpeg.
// Installs them with apt-get when it can (root or passwordless sudo), else stops and names them.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'

export function sh(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env, ...options })
  return result.status ?? 1
}

export function quiet(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', env: process.env })
  return { status: result.status ?? 1, out: `${result.stdout ?? ''}${result.stderr ?? ''}` }
}

export function stop(message) {
  console.error(`\ncannot run: ${message}`)
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

export function ensureSystemPackages() {
  const needPostgres = !(process.env.TEST_DATABASE_ADMIN_URL && process.env.DATABASE_URL_TEST)
  const missing = []
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium')
  // pdftoppm/pdftotext read back the label PDFs; ffmpeg makes the fake camera's video from a label.
  if (!existsSync('/usr/bin/pdftoppm')) missing.push('poppler-utils')
  if (!existsSync('/usr/bin/ffmpeg')) missing.push('ffmpeg')
  const aptGet = existsSync('/usr/bin/apt-get')
  // Optional: the rate-limit tests also run against a real Redis (the REDIS_URL path) when it is there.
  if (!existsSync('/usr/bin/redis-server') && aptGet && (isRoot || canSudo())) missing.push('redis-server')
  if (needPostgres && !pgBinDir()) missing.push('postgresql')
  if (missing.length === 0) return
  if (!aptGet || !(isRoot || canSudo())) {
    stop(
      `missing ${missing.join(', ')}.\nInstall with:  sudo apt-get install -y ${missing.join(' ')}\n` +
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
export function ensurePostgres() {
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

