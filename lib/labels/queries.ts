import 'server-only'
import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm'
import type { Tx } from '../db'
import { blankLabels, labelSettings, tools, users } from '../db/schema'
import { layoutIds, type LayoutId } from './layouts'
import { isUuid } from '../validation'

export interface LabelSettings {
  offsetXMm: number
  offsetYMm: number
  layout: LayoutId
}

export const defaultLabelSettings: LabelSettings = { offsetXMm: 0, offsetYMm: 0, layout: 'a4-24' }

const isLayoutId = (v: string): v is LayoutId => (layoutIds as string[]).includes(v)

/** The company's printer calibration and usual stock, or the defaults when it never saved any. */
export async function getLabelSettings(tx: Tx): Promise<LabelSettings> {
  const [row] = await tx.select({ offsetXMm: labelSettings.offsetXMm, offsetYMm: labelSettings.offsetYMm, layout: labelSettings.layout }).from(labelSettings)
  if (!row) return defaultLabelSettings
  return { offsetXMm: Number(row.offsetXMm), offsetYMm: Number(row.offsetYMm), layout: isLayoutId(row.layout) ? row.layout : defaultLabelSettings.layout }
}

export interface LabelTool {
  id: string
  toolCode: string
  name: string
}

const printable = and(isNull(tools.deletedAt), ne(tools.status, 'disposed'))
const labelColumns = { id: tools.id, toolCode: tools.toolCode, name: tools.name }

/** The tools to print, in tool_code order: chosen ones (deleted ones left out), or every usable tool of a category or location. */
export async function labelTools(tx: Tx, selection: { toolIds: string[] } | { categoryId: string } | { locationId: string }, max: number): Promise<LabelTool[]> {
  const where =
    'toolIds' in selection
      ? and(isNull(tools.deletedAt), inArray(tools.id, selection.toolIds.length ? selection.toolIds : ['00000000-0000-0000-0000-000000000000']))
      : 'categoryId' in selection
        ? and(printable, eq(tools.categoryId, selection.categoryId))
        : and(printable, eq(tools.currentLocationId, selection.locationId))
  return tx.select(labelColumns).from(tools).where(where).orderBy(asc(tools.toolCode)).limit(max)
}

/** How many labels "a whole category" and "a whole location" would print. */
export async function labelCounts(tx: Tx): Promise<{ byCategory: Record<string, number>; byLocation: Record<string, number> }> {
  const [categories, places] = await Promise.all([
    tx.select({ id: tools.categoryId, n: sql<number>`count(*)::int` }).from(tools).where(printable).groupBy(tools.categoryId),
    tx.select({ id: tools.currentLocationId, n: sql<number>`count(*)::int` }).from(tools).where(printable).groupBy(tools.currentLocationId),
  ])
  return {
    byCategory: Object.fromEntries(categories.map((r) => [r.id, Number(r.n)])),
    byLocation: Object.fromEntries(places.filter((r) => r.id).map((r) => [r.id!, Number(r.n)])),
  }
}

/** The UUIDs of one batch of blank labels, in the order they are printed. */
export async function blankBatch(tx: Tx, batchId: string): Promise<{ ids: string[]; layout: string | null }> {
  const found = await tx.select({ id: blankLabels.id, layout: blankLabels.layout }).from(blankLabels).where(eq(blankLabels.batchId, batchId)).orderBy(asc(blankLabels.id))
  return { ids: found.map((r) => r.id), layout: found[0]?.layout ?? null }
}

const used = sql<number>`count(${tools.id})::int`

/** The latest batches of blank labels: when, by whom, on which stock, and how many already belong to a tool. */
export async function listBlankBatches(tx: Tx, limit = 10) {
  const found = await tx
    .select({
      batchId: blankLabels.batchId,
      layout: sql<string>`min(${blankLabels.layout})`,
      issuedAt: sql<Date>`min(${blankLabels.issuedAt})`,
      issuedBy: sql<string | null>`min(${users.name})`,
      count: sql<number>`count(*)::int`,
      used,
    })
    .from(blankLabels)
    .leftJoin(users, eq(users.id, blankLabels.issuedBy))
    .leftJoin(tools, and(eq(tools.organizationId, blankLabels.organizationId), eq(tools.id, blankLabels.id)))
    .groupBy(blankLabels.batchId)
    .orderBy(desc(sql`min(${blankLabels.issuedAt})`), asc(blankLabels.batchId))
    .limit(limit)
  return found.map((b) => ({ ...b, issuedAt: new Date(b.issuedAt), count: Number(b.count), used: Number(b.used) }))
}
export type BlankBatch = Awaited<ReturnType<typeof listBlankBatches>>[number]

/** Whether a UUID was issued on one of this company's blank labels (and not yet taken by a tool). */
export async function isUnusedBlankLabel(tx: Tx, id: string): Promise<boolean> {
  if (!isUuid(id)) return false
  const [row] = await tx
    .select({ id: blankLabels.id })
    .from(blankLabels)
    .leftJoin(tools, and(eq(tools.organizationId, blankLabels.organizationId), eq(tools.id, blankLabels.id)))
    .where(and(eq(blankLabels.id, id), isNull(tools.id)))
  return Boolean(row)
}

/** Chosen tools by id (for a selection carried in the URL), in tool_code order. */
export async function toolsByIds(tx: Tx, ids: string[]): Promise<LabelTool[]> {
  const valid = ids.filter(isUuid).slice(0, MAX_PRESELECT)
  if (!valid.length) return []
  return tx.select(labelColumns).from(tools).where(and(isNull(tools.deletedAt), inArray(tools.id, valid))).orderBy(asc(tools.toolCode))
}
const MAX_PRESELECT = 500
