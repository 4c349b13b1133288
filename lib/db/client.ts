import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import * as schema from './schema'
import type { Database, Orm, RawSql } from './types'

export interface PgliteOptions {
  /** A directory to persist in; omitted = in memory. */
  dataDir?: string
  /** A gzipped data directory (PGlite.dumpDataDir) to start from. */
  loadDataDir?: Blob | File
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Two processes on one PGlite directory lose data silently, so the directory is held by a lock file. */
function lockDataDir(dataDir: string): () => void {
  const lock = path.resolve(dataDir) + '.lock'
  mkdirSync(path.dirname(lock), { recursive: true })
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, 'utf8'))
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(`The embedded database ${dataDir} is already open in process ${pid} (is npm run dev running?). Stop that process first.`)
    }
  }
  writeFileSync(lock, String(process.pid))
  const release = () => rmSync(lock, { force: true })
  process.once('exit', release)
  return release
}

export async function openPglite(options: PgliteOptions = {}): Promise<Database> {
  const unlock = options.dataDir ? lockDataDir(options.dataDir) : () => {}
  const pg = new PGlite({ dataDir: options.dataDir, loadDataDir: options.loadDataDir, extensions: { pg_trgm } })
  await pg.waitReady
  const raw: RawSql = {
    async query<T>(text: string, params: unknown[] = []) {
      return (await pg.query<T>(text, params)).rows
    },
    async script(text, then) {
      await pg.transaction(async (tx) => {
        await tx.exec(text)
        if (then) await tx.query(then.text, then.params)
      })
    },
  }
  return {
    kind: 'pglite',
    orm: drizzlePglite({ client: pg, schema }) as unknown as Orm,
    raw,
    admin: raw,
    dump: async () => (await pg.dumpDataDir('gzip')) as Blob,
    async close() {
      await pg.close()
      unlock()
    },
  }
}

function postgresRaw(sql: postgres.Sql): RawSql {
  return {
    async query<T>(text: string, params: unknown[] = []) {
      return (await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as T[]
    },
    async script(text, then) {
      await sql.begin(async (tx) => {
        await tx.unsafe(text).simple()
        if (then) await tx.unsafe(then.text, then.params as postgres.ParameterOrJSON<never>[])
      })
    },
  }
}

export interface PostgresOptions {
  url: string
  adminUrl?: string
  max?: number
}

export async function openPostgres(options: PostgresOptions): Promise<Database> {
  // prepare: false keeps us usable behind Supabase's transaction pooler.
  const common = { prepare: false, onnotice: () => {}, connection: { application_name: 'genba' } } as const
  const sql = postgres(options.url, { ...common, max: options.max ?? 10 })
  const admin = options.adminUrl ? postgres(options.adminUrl, { ...common, max: 1 }) : null
  return {
    kind: 'postgres',
    orm: drizzlePostgres({ client: sql, schema }) as unknown as Orm,
    raw: postgresRaw(sql),
    admin: admin ? postgresRaw(admin) : null,
    async close() {
      await Promise.all([sql.end({ timeout: 5 }), admin?.end({ timeout: 5 })])
    },
  }
}
