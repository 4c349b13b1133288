import path from 'node:path'
import { env } from '../env'
import { logger } from '../log'
import { openPglite, openPostgres } from './client'
import { runAnonymous, runAsSystem, runAsTenant, type SystemOptions, type TenantContext } from './context'
import { compareMigrations, migrate, readMigrations } from './migrate'
import { appliedMigrations } from './sql'
import type { Database, Tx } from './types'

export type { Database, Tx } from './types'
export type { RequestInfo, SystemOptions, TenantContext } from './context'
export { PLATFORM_ORG_ID } from './context'

const state = globalThis as unknown as { __genbaDb?: Promise<Database> }

async function open(): Promise<Database> {
  const e = env()
  const started = Date.now()
  const db = e.DATABASE_URL
    ? await openPostgres({ url: e.DATABASE_URL, adminUrl: e.DATABASE_ADMIN_URL })
    : await openPglite({ dataDir: path.resolve(e.DATA_DIR, 'pglite') })
  try {
    if (db.admin) {
      const applied = await migrate(db.admin)
      if (applied.length) logger.info({ applied }, 'migrations applied')
    } else {
      const status = await runAnonymous(db.orm, (tx) => appliedMigrations(tx)).then((applied) => compareMigrations(readMigrations(), applied))
      if (status.changed.length) throw new Error(`Migration ${status.changed[0]} was changed after it was applied.`)
      if (status.pending.length) logger.warn({ pending: status.pending }, 'migrations pending: run npm run db:migrate with DATABASE_ADMIN_URL')
    }
    if (db.kind === 'pglite' && e.SEED_DEMO === 'true') {
      const { seedIfEmpty } = await import('./seed')
      if (await seedIfEmpty(db)) logger.info({ login: 'owner@demo.genba.test', company: 'demo' }, 'demo companies seeded (npm run db:seed lists every login)')
    }
  } catch (error) {
    await db.close()
    throw error
  }
  logger.info({ kind: db.kind, ms: Date.now() - started }, 'database ready')
  return db
}

/** The process's database: one PGlite (or one postgres.js pool) per process, migrated on first use. */
export function getDb(): Promise<Database> {
  if (!state.__genbaDb) {
    state.__genbaDb = open()
    state.__genbaDb.catch(() => {
      state.__genbaDb = undefined
    })
  }
  return state.__genbaDb
}

/** For tests and scripts that bring their own database. */
export function setDb(db: Database | undefined) {
  state.__genbaDb = db ? Promise.resolve(db) : undefined
}

/** Runs fn inside the tenant contract: RLS sees only ctx's company. The only way app code reaches tenant data. */
export async function withTenant<T>(ctx: TenantContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return runAsTenant((await getDb()).orm, ctx, fn)
}

/** A named privileged path (sign-in, sign-up, webhooks, operator, seed): bypasses RLS and is audited. */
export async function withSystem<T>(reason: string, fn: (tx: Tx) => Promise<T>, options?: SystemOptions): Promise<T> {
  return runAsSystem((await getDb()).orm, reason, fn, options)
}

/** Public lookups before anyone has signed in (a company's name for its sign-in page). */
export async function withAnonymous<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return runAnonymous((await getDb()).orm, fn)
}
