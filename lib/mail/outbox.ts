import { desc } from 'drizzle-orm'
import { mailOutbox } from '../db/schema'
import type { Tx } from '../db/types'

/** The newest mail in the development outbox (privileged tx). */
export function latestOutbox(tx: Tx, limit = 50) {
  return tx.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(limit)
}
