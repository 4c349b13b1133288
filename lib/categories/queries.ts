import 'server-only'
import { asc, eq, sql } from 'drizzle-orm'
import type { Tx } from '../db'
import { toolCategories, tools } from '../db/schema'
import { rows } from '../db/sql'
import { formatToolCode } from '../tools/codes'

export type Category = typeof toolCategories.$inferSelect

/** Categories in display order with the number of tools in each (deleted tools not counted). */
export async function listCategories(tx: Tx, params: { includeInactive?: boolean } = {}) {
  // Qualified by hand: drizzle leaves columns unqualified in a one-table select, which the subquery would capture.
  const count = sql<number>`(select count(*)::int from ${tools} t where t.organization_id = "tool_categories"."organization_id"
    and t.category_id = "tool_categories"."id" and t.deleted_at is null)`
  const found = await tx
    .select({ category: toolCategories, toolCount: count })
    .from(toolCategories)
    .where(params.includeInactive ? undefined : eq(toolCategories.isActive, true))
    .orderBy(asc(toolCategories.displayOrder), asc(toolCategories.codePrefix))
  return found.map((r) => ({ ...r.category, toolCount: Number(r.toolCount), nextToolCode: formatToolCode(r.category.codePrefix, r.category.nextCodeNumber) }))
}

export async function getCategory(tx: Tx, params: { id: string }): Promise<Category | null> {
  const [row] = await tx.select().from(toolCategories).where(eq(toolCategories.id, params.id))
  return row ?? null
}

/** How many categories the company has and may have (null = unlimited), for the settings screen. */
export async function categoryUsage(tx: Tx): Promise<{ used: number; limit: number | null }> {
  const [r] = await rows<{ used: number; limit: number | null }>(
    tx,
    sql`select (select count(*)::int from tool_categories) as used,
               (select max_categories from organizations where id = (select app.org_id())) as limit`,
  )
  return { used: Number(r?.used ?? 0), limit: r?.limit ?? null }
}
