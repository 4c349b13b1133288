import 'server-only'
import { asc, eq } from 'drizzle-orm'
import type { Tx } from '../db'
import { toolStatuses } from '../db/schema'

export type ToolStatus = typeof toolStatuses.$inferSelect

/** The company's own statuses in display order (the built-in four are in schemas.ts). */
export async function listToolStatuses(tx: Tx, params: { includeInactive?: boolean } = {}): Promise<ToolStatus[]> {
  return tx
    .select()
    .from(toolStatuses)
    .where(params.includeInactive ? undefined : eq(toolStatuses.isActive, true))
    .orderBy(asc(toolStatuses.displayOrder), asc(toolStatuses.label))
}
