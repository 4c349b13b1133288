import type { ExtractTablesWithRelations } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import type * as schema from './schema'

export type Schema = typeof schema
export type Orm = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>
/** The transaction handle every query in lib/ takes: tenant-scoped (withTenant) or privileged (withSystem). */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>

/** Raw SQL access used only by the migrator and by tests that inspect the catalogue. */
export interface RawSql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>
  /** Runs a multi-statement script in one transaction, then the follow-up statement in the same transaction. */
  script(text: string, then?: { text: string; params: unknown[] }): Promise<void>
}

export interface Database {
  kind: 'pglite' | 'postgres'
  orm: Orm
  /** The connection the app runs as (PGlite: the embedded superuser; Postgres: the unprivileged app role). */
  raw: RawSql
  /** The schema owner's connection, for migrations (PGlite: the same; Postgres: DATABASE_ADMIN_URL, if any). */
  admin: RawSql | null
  /** PGlite only: the whole data directory, gzipped (test templates, backups of a demo). */
  dump?(): Promise<Blob>
  close(): Promise<void>
}
