import { sql, type SQL } from 'drizzle-orm'
import type { Tx } from './types'

/** Runs raw SQL on a transaction and returns its rows, whichever driver is underneath. */
export async function rows<T>(tx: Tx, query: SQL): Promise<T[]> {
  const result: unknown = await tx.execute(query)
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]
}

/** Rows of schema_migrations (readable by authenticated, so health checks need no privilege). */
export async function appliedMigrations(tx: Tx): Promise<{ name: string; checksum: string }[]> {
  return rows(tx, sql`select name, checksum from public.schema_migrations`)
}
