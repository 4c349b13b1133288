import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import postgres from 'postgres'
import { inject } from 'vitest'
import { openPglite, openPostgres } from '@/lib/db/client'
import { runAnonymous, runAsSystem, runAsTenant, type TenantContext } from '@/lib/db/context'
import { rows } from '@/lib/db/sql'
import type { Database, Tx } from '@/lib/db/types'
import type { Role } from '@/lib/db/schema/helpers'
import { sql, type SQL } from 'drizzle-orm'
import { copyDb, databaseUrl, templateDb, type TemplateCompany } from './db-urls'

export interface TestDb {
  db: Database
  kind: 'pglite' | 'postgres'
  /** The seeded companies: [operator, demo, sakura-denki]. */
  companies: TemplateCompany[]
  company(subdomain: string): TemplateCompany
  /** A tenant context for the member of `subdomain` with `role`. */
  as(subdomain: string, role: Role): TenantContext
  tenant<T>(ctx: TenantContext, fn: (tx: Tx) => Promise<T>): Promise<T>
  system<T>(fn: (tx: Tx) => Promise<T>, reason?: string): Promise<T>
  anonymous<T>(fn: (tx: Tx) => Promise<T>): Promise<T>
  /** Superuser/owner SQL that ignores RLS: for arranging fixtures and checking outcomes. */
  admin<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>
  close(): Promise<void>
}

/** A fresh copy of the migrated, seeded template database (PGlite or Postgres, per TEST_DB). */
export async function openTestDb(): Promise<TestDb> {
  const template = inject('dbTemplate')
  let db: Database
  let drop = async () => {}
  if (template.kind === 'pglite') {
    db = await openPglite({ loadDataDir: new Blob([readFileSync(template.dump)]) })
  } else {
    const name = copyDb(template.run, randomBytes(6).toString('hex'))
    const server = postgres(template.adminUrl, { max: 1, onnotice: () => {} })
    await server.unsafe(`create database ${name} template ${templateDb(template.run)}`)
    await server.end()
    db = await openPostgres({ url: databaseUrl(template.appUrl, name), adminUrl: databaseUrl(template.adminUrl, name), max: 30 })
    drop = async () => {
      const s = postgres(template.adminUrl, { max: 1, onnotice: () => {} })
      await s.unsafe(`drop database if exists ${name} with (force)`)
      await s.end()
    }
  }
  const company = (subdomain: string) => {
    const found = template.companies.find((c) => c.subdomain === subdomain)
    if (!found) throw new Error(`no seeded company ${subdomain}`)
    return found
  }
  return {
    db,
    kind: template.kind,
    companies: template.companies,
    company,
    as(subdomain, role) {
      const c = company(subdomain)
      const m = c.members.find((x) => x.role === role)
      if (!m) throw new Error(`no ${role} in ${subdomain}`)
      return { userId: m.userId, organizationId: c.id, role }
    },
    tenant: (ctx, fn) => runAsTenant(db.orm, ctx, fn),
    system: (fn, reason = 'test') => runAsSystem(db.orm, reason, fn),
    anonymous: (fn) => runAnonymous(db.orm, fn),
    admin: (text, params) => db.admin!.query(text, params),
    async close() {
      await db.close()
      await drop()
    },
  }
}

export const query = <T = Record<string, unknown>>(tx: Tx, q: SQL) => rows<T>(tx, q)
export { sql }

/** The SQLSTATE of a database error, however the driver or drizzle wrapped it. */
export function pgCode(error: unknown): string | undefined {
  let e: unknown = error
  for (let i = 0; i < 5 && e; i++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code
    e = (e as { cause?: unknown }).cause
  }
  return undefined
}

/** Resolves to the SQLSTATE the promise rejected with, or 'ok' when it did not reject. */
export async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p
    return 'ok'
  } catch (error) {
    return pgCode(error) ?? `unknown: ${error instanceof Error ? error.message : String(error)}`
  }
}
