import type { SQL } from 'drizzle-orm'
import type { Tx } from './types'

/** Runs raw SQL on a transaction and returns its rows, whichever driver is underneath. */
export async function rows<T>(tx: Tx, query: SQL): Promise<T[]> {
  const result: unknown = await tx.execute(query)
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]
}
