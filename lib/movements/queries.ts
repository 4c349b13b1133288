import { and, desc, eq, gte, isNull, lt, or, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { z } from 'zod'
import type { Tx } from '../db'
import { locations, toolMovements, toolStock, tools, users } from '../db/schema'
import { movementTypes } from '../db/schema/movements'
import { cursorFits, decodeCursor, encodeCursor } from '../tools/queries'
import { isoDate, isUuid, uuid } from '../validation'

const fromLoc = alias(locations, 'from_loc')
const toLoc = alias(locations, 'to_loc')
const actor = alias(users, 'actor')
const holder = alias(users, 'holder')

/** Filters of the movements page, as they live in the URL. */
export const movementFilters = z.object({
  tool: uuid.optional(),
  location: uuid.optional(),
  user: uuid.optional(),
  type: z.enum(movementTypes).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
})
export type MovementFilters = z.infer<typeof movementFilters>

/** Filters from URL search params; anything malformed is dropped rather than failing the page. */
export function parseMovementSearchParams(params: Record<string, string | string[] | undefined>): MovementFilters {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(movementFilters.shape)) {
    const v = params[key]
    const one = Array.isArray(v) ? v[0] : v
    if (one === undefined || one === '') continue
    const parsed = movementFilters.shape[key as keyof typeof movementFilters.shape].safeParse(one)
    if (parsed.success) out[key] = parsed.data
  }
  return out as MovementFilters
}

function conditions(f: MovementFilters): SQL[] {
  const c: SQL[] = [isNull(toolMovements.deletedAt)]
  if (f.tool) c.push(eq(toolMovements.toolId, f.tool))
  if (f.location) c.push(or(eq(toolMovements.toLocationId, f.location), eq(toolMovements.fromLocationId, f.location))!)
  if (f.user) c.push(eq(toolMovements.userId, f.user))
  if (f.type) c.push(eq(toolMovements.movementType, f.type))
  // Dates are Japan's calendar days.
  if (f.from) c.push(gte(toolMovements.movedAt, sql`(${f.from}::date::timestamp at time zone 'Asia/Tokyo')`))
  if (f.to) c.push(lt(toolMovements.movedAt, sql`((${f.to}::date + 1)::timestamp at time zone 'Asia/Tokyo')`))
  return c
}

const columns = {
  id: toolMovements.id,
  movedAt: toolMovements.movedAt,
  type: toolMovements.movementType,
  quantity: toolMovements.quantity,
  note: toolMovements.note,
  source: toolMovements.source,
  toolId: toolMovements.toolId,
  toolCode: tools.toolCode,
  toolName: tools.name,
  unit: tools.unit,
  fromLocationId: toolMovements.fromLocationId,
  fromName: fromLoc.name,
  toLocationId: toolMovements.toLocationId,
  toName: toLoc.name,
  userId: toolMovements.userId,
  userName: actor.name,
  holderName: holder.name,
}

/** Moves with the names a person reads (tool, places, who moved it, who holds it): the history and its CSV. */
const movementRows = (tx: Tx) =>
  tx
    .select(columns)
    .from(toolMovements)
    .innerJoin(tools, and(eq(tools.organizationId, toolMovements.organizationId), eq(tools.id, toolMovements.toolId)))
    .leftJoin(fromLoc, and(eq(fromLoc.organizationId, toolMovements.organizationId), eq(fromLoc.id, toolMovements.fromLocationId)))
    .leftJoin(toLoc, and(eq(toLoc.organizationId, toolMovements.organizationId), eq(toLoc.id, toolMovements.toLocationId)))
    .innerJoin(actor, eq(actor.id, toolMovements.userId))
    .leftJoin(holder, eq(holder.id, toolMovements.holderId))

/** Moves, newest first, filtered, a page at a time (keyset on moved_at, id). */
export async function listMovements(tx: Tx, filters: MovementFilters = {}) {
  const limit = filters.limit ?? 50
  const where = conditions(filters)
  const cursor = cursorFits(decodeCursor(filters.cursor), 'timestamptz')
  if (cursor) where.push(sql`(${toolMovements.movedAt}, ${toolMovements.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`)
  const rows = await movementRows(tx)
    .where(and(...where))
    .orderBy(desc(toolMovements.movedAt), desc(toolMovements.id))
    .limit(limit + 1)
  const items = rows.slice(0, limit)
  const last = items.at(-1)
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.movedAt.toISOString(), last.id) : null }
}

export type MovementListItem = Awaited<ReturnType<typeof listMovements>>['items'][number]

/** Every matching move, oldest first, for CSV export (bounded). */
export async function allMovements(tx: Tx, filters: MovementFilters = {}, max = 100_000) {
  return movementRows(tx)
    .where(and(...conditions(filters)))
    .orderBy(toolMovements.movedAt, toolMovements.id)
    .limit(max)
}

/** The places a member moved tools to most recently, newest first (the scan screen lists them first). */
export async function recentLocationIds(tx: Tx, userId: string, limit = 5): Promise<string[]> {
  const rows = await tx
    .select({ id: toolMovements.toLocationId, last: sql<string>`max(${toolMovements.movedAt})` })
    .from(toolMovements)
    .where(and(eq(toolMovements.userId, userId), sql`${toolMovements.toLocationId} is not null`, gte(toolMovements.movedAt, sql`now() - interval '60 days'`)))
    .groupBy(toolMovements.toLocationId)
    .orderBy(desc(sql`max(${toolMovements.movedAt})`))
    .limit(limit)
  return rows.map((r) => r.id!).filter(Boolean)
}

/** Units of a quantity tool away from home, by place. */
export async function stockAway(tx: Tx, toolId: string) {
  return tx
    .select({ locationId: toolStock.locationId, locationName: locations.name, quantity: toolStock.quantity })
    .from(toolStock)
    .innerJoin(locations, and(eq(locations.organizationId, toolStock.organizationId), eq(locations.id, toolStock.locationId)))
    .where(and(eq(toolStock.toolId, toolId), sql`${toolStock.quantity} > 0`))
    .orderBy(locations.name)
}

/** What the history of one tool is headed with: its code, name, where it is and who has it. */
export async function movementTool(tx: Tx, toolId: string) {
  if (!isUuid(toolId)) return null
  const [row] = await tx
    .select({ id: tools.id, toolCode: tools.toolCode, name: tools.name, locationName: locations.name, holderName: holder.name, deletedAt: tools.deletedAt })
    .from(tools)
    .leftJoin(locations, and(eq(locations.organizationId, tools.organizationId), eq(locations.id, tools.currentLocationId)))
    .leftJoin(holder, eq(holder.id, tools.currentHolderId))
    .where(eq(tools.id, toolId))
  return row ?? null
}
