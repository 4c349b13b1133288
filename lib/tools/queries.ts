import 'server-only'
import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Tx } from '../db'
import { lowStockCondition, onSiteSinceCondition, scheduleDueCondition } from '../alerts/conditions'
import { listFieldDefinitions } from '../custom-fields/queries'
import { applicableDefinitions } from '../custom-fields/validation'
import { locations, memberships, toolAttachments, toolCategories, toolStatuses, tools, users } from '../db/schema'
import { toolListQuery, toolSorts, type CustomFieldFilter, type ToolListParams, type ToolListQuery, type ToolSort } from './schemas'
import { isUuid } from '../validation'

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c)
const searchText = sql`app.tool_search_text(${tools.toolCode}, ${tools.name}, ${tools.modelNumber}, ${tools.manufacturer}, ${tools.serialNumber}, ${tools.customFields})`

/** Search terms as the index stores text: NFKC, lower case; whitespace (also full-width) separates terms, all must match. */
export function searchTerms(q: string | undefined): string[] {
  return (q ?? '').normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5)
}

const sortColumns: Record<ToolSort, { expr: SQL; cast: string }> = {
  code: { expr: sql`${tools.toolCode}`, cast: 'text' },
  name: { expr: sql`${tools.name}`, cast: 'text' },
  updated: { expr: sql`${tools.updatedAt}`, cast: 'timestamptz' },
  purchased: { expr: sql`coalesce(${tools.purchaseDate}, '0001-01-01'::date)`, cast: 'date' },
  price: { expr: sql`coalesce(${tools.purchasePrice}, -1)`, cast: 'bigint' },
}

export function encodeCursor(value: string, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url')
}

/** [sort value, id] of a cursor, or null when it is not one of ours. */
/** The cursor if its sort value reads as the given SQL type, else null. */
export function cursorFits(cursor: [string, string] | null, cast: string): [string, string] | null {
  if (!cursor) return null
  const value = cursor[0]
  const fits = cast === 'bigint' ? /^-?\d{1,18}$/.test(value) : cast === 'timestamptz' || cast === 'date' ? !Number.isNaN(Date.parse(value)) : true
  return fits ? cursor : null
}

export function decodeCursor(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && isUuid(v[1])) return [v[0], v[1]]
  } catch {}
  return null
}

const isNumeric = (v: string) => /^-?\d+(\.\d+)?$/.test(v)

function fieldCondition(f: CustomFieldFilter): SQL {
  const value = sql`${tools.customFields} -> ${f.key}`
  const text = sql`(${tools.customFields} ->> ${f.key})`
  switch (f.op) {
    case 'eq': {
      const asText = sql`${tools.customFields} @> ${JSON.stringify({ [f.key]: f.value })}::jsonb`
      return isNumeric(f.value) ? sql`(${asText} or ${tools.customFields} @> ${JSON.stringify({ [f.key]: Number(f.value) })}::jsonb)` : asText
    }
    case 'contains':
      return sql`lower(normalize(${text}, NFKC)) like ${'%' + likeEscape(f.value.normalize('NFKC').toLowerCase()) + '%'}`
    case 'from':
    case 'to': {
      const op = sql.raw(f.op === 'from' ? '>=' : '<=')
      return isNumeric(f.value)
        ? sql`(case when jsonb_typeof(${value}) = 'number' then (${text})::numeric ${op} ${f.value}::numeric else ${text} ${op} ${f.value} end)`
        : sql`(jsonb_typeof(${value}) = 'string' and ${text} ${op} ${f.value})`
    }
  }
}

function filters(p: ToolListParams): SQL | undefined {
  const statusKeys = (p.status ?? []).filter((s) => !s.includes('-'))
  const statusIds = (p.status ?? []).filter((s) => s.includes('-'))
  return and(
    isNull(tools.deletedAt),
    ...searchTerms(p.q).map((term) => sql`${searchText} like ${'%' + likeEscape(term) + '%'}`),
    p.categoryId?.length ? inArray(tools.categoryId, p.categoryId) : undefined,
    // Disposed tools are listed only when asked for by status.
    p.status?.length
      ? or(
          statusKeys.length ? and(inArray(tools.status, statusKeys as ('normal' | 'repair' | 'broken' | 'disposed')[]), isNull(tools.statusId)) : undefined,
          statusIds.length ? inArray(tools.statusId, statusIds) : undefined,
        )
      : p.includeDisposed
        ? undefined
        : sql`${tools.status} <> 'disposed'`,
    p.locationId?.length ? inArray(tools.currentLocationId, p.locationId) : undefined,
    p.holderId?.length ? inArray(tools.currentHolderId, p.holderId) : undefined,
    p.managementType ? eq(tools.managementType, p.managementType) : undefined,
    p.lowStock ? lowStockCondition : undefined,
    p.onSiteDays ? onSiteSinceCondition(p.onSiteDays) : undefined,
    p.scheduleId ? scheduleDueCondition(p.scheduleId, p.dueFrom, p.dueTo) : undefined,
    ...p.fields.map(fieldCondition),
  )
}

const holder = alias(users, 'holder')
const coverThumbnail = sql<string | null>`(select a.thumbnail_key from ${toolAttachments} a where a.organization_id = "tools"."organization_id"
  and a.tool_id = "tools"."id" and a.kind = 'photo' order by a.display_order, a.created_at limit 1)`

const listColumns = {
  id: tools.id,
  toolCode: tools.toolCode,
  name: tools.name,
  modelNumber: tools.modelNumber,
  manufacturer: tools.manufacturer,
  serialNumber: tools.serialNumber,
  usefulLifeYears: tools.usefulLifeYears,
  notes: tools.notes,
  categoryId: tools.categoryId,
  categoryName: toolCategories.name,
  status: tools.status,
  statusId: tools.statusId,
  statusLabel: toolStatuses.label,
  statusColor: toolStatuses.color,
  currentLocationId: tools.currentLocationId,
  locationName: locations.name,
  locationType: locations.type,
  currentHolderId: tools.currentHolderId,
  holderName: holder.name,
  managementType: tools.managementType,
  currentQuantity: tools.currentQuantity,
  unit: tools.unit,
  minStockAlert: tools.minStockAlert,
  purchaseDate: tools.purchaseDate,
  purchasePrice: tools.purchasePrice,
  customFields: tools.customFields,
  updatedAt: tools.updatedAt,
  deletedAt: tools.deletedAt,
  thumbnailKey: coverThumbnail,
}

function baseQuery<E extends Record<string, SQL>>(tx: Tx, extra: E = {} as E) {
  return tx
    .select({ ...listColumns, ...extra })
    .from(tools)
    .innerJoin(toolCategories, and(eq(toolCategories.organizationId, tools.organizationId), eq(toolCategories.id, tools.categoryId)))
    .leftJoin(toolStatuses, and(eq(toolStatuses.organizationId, tools.organizationId), eq(toolStatuses.id, tools.statusId)))
    .leftJoin(locations, and(eq(locations.organizationId, tools.organizationId), eq(locations.id, tools.currentLocationId)))
    .leftJoin(holder, eq(holder.id, tools.currentHolderId))
}

export type ToolListItem = Awaited<ReturnType<typeof listTools>>['items'][number]

/** One page of the tool list: search, filters, sort and a cursor for the next page (null on the last). */
export async function listTools(tx: Tx, query: ToolListQuery = {}) {
  const p = toolListQuery.parse(query)
  const sort = sortColumns[toolSorts.includes(p.sort) ? p.sort : 'code']
  // A cursor made under another sort (or edited by hand) would fail its cast: it is dropped, as bad URL values are.
  const after = cursorFits(decodeCursor(p.cursor), sort.cast)
  const cmp = sql.raw(p.dir === 'asc' ? '>' : '<')
  const keyset = after ? sql`(${sort.expr}, ${tools.id}) ${cmp} (cast(${after[0]} as ${sql.raw(sort.cast)}), ${after[1]}::uuid)` : undefined
  const order = p.dir === 'asc' ? asc : desc
  const found = await baseQuery(tx, { sortValue: sql<string>`(${sort.expr})::text` })
    .where(and(filters(p), keyset))
    .orderBy(order(sort.expr), order(tools.id))
    .limit(p.limit + 1)
  const items = found.slice(0, p.limit).map(({ sortValue: _sortValue, ...row }) => ({ ...row, lowStock: isLow(row) }))
  const last = found.length > p.limit ? found[p.limit - 1] : undefined
  return { items, nextCursor: last ? encodeCursor(last.sortValue, last.id) : null }
}

/** How many tools match the list's filters (for "N件"). */
export async function countTools(tx: Tx, query: ToolListQuery = {}): Promise<number> {
  const p = toolListQuery.parse(query)
  const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(tools).where(filters(p))
  return Number(r?.n ?? 0)
}

const isLow = (t: { managementType: string; currentQuantity: number | null; minStockAlert: number | null }) =>
  t.managementType === 'quantity' && t.minStockAlert !== null && t.currentQuantity !== null && t.currentQuantity <= t.minStockAlert

/**
 * Everything the detail page (seed 004 §6.3) shows: the tool with its category, status, place and holder,
 * its attachments, and the custom fields that apply to it in display order with their values.
 */
export async function getTool(tx: Tx, params: { id: string; includeDeleted?: boolean }) {
  if (!isUuid(params.id)) return null
  const [row] = await baseQuery(tx)
    .where(and(eq(tools.id, params.id), params.includeDeleted ? undefined : isNull(tools.deletedAt)))
  if (!row) return null
  const [full] = await tx.select().from(tools).where(eq(tools.id, params.id))
  const attachments = await tx
    .select()
    .from(toolAttachments)
    .where(eq(toolAttachments.toolId, params.id))
    .orderBy(asc(toolAttachments.displayOrder), asc(toolAttachments.createdAt))
  const definitions = applicableDefinitions(await listFieldDefinitions(tx, { entityType: 'tool' }), row.categoryId)
  return {
    ...full!,
    ...row,
    lowStock: isLow(row),
    attachments,
    customFieldValues: definitions.map((d) => ({ definition: d, value: (full!.customFields as Record<string, unknown>)[d.fieldKey] ?? null })),
  }
}
export type ToolDetail = NonNullable<Awaited<ReturnType<typeof getTool>>>

/** The tool's id for a code typed by hand (seed 004 §6.2); deleted tools are not found. */
export async function findToolIdByCode(tx: Tx, params: { code: string }): Promise<string | null> {
  const [row] = await tx
    .select({ id: tools.id })
    .from(tools)
    .where(and(eq(tools.toolCode, params.code), isNull(tools.deletedAt)))
  return row?.id ?? null
}

/** The trash: deleted tools, most recently deleted first, with the date each will be purged. */
export async function listTrash(tx: Tx, params: { limit?: number } = {}) {
  const purgeOn = sql<string>`("tools"."deleted_at" + make_interval(months => coalesce((select s.trash_retention_months from register_settings s
    where s.organization_id = "tools"."organization_id"), 36)))`
  return baseQuery(tx, { purgeAfter: purgeOn })
    .where(isNotNull(tools.deletedAt))
    .orderBy(desc(tools.deletedAt), asc(tools.id))
    .limit(params.limit ?? 200)
}

/** Who can hold a tool: the company's active members by name (the holder picker and the list's filter). */
export async function listHolderOptions(tx: Tx): Promise<{ userId: string; name: string }[]> {
  return tx
    .select({ userId: memberships.userId, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.isActive, true))
    .orderBy(asc(users.name), asc(memberships.userId))
}
