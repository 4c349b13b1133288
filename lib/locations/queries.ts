import 'server-only'
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm'
import type { Tx } from '../db'
import { locations, tools } from '../db/schema'
import { locationListQuery, type LocationListQuery } from './schemas'

export type Location = typeof locations.$inferSelect

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c)

/** Warehouses first, then sites (open ones first, newest first), each with how many tools are there now. */
export async function listLocations(tx: Tx, params: LocationListQuery = {}) {
  const p = locationListQuery.parse(params)
  const q = p.q ? `%${likeEscape(p.q.normalize('NFKC').toLowerCase())}%` : null
  // Qualified by hand: drizzle leaves columns unqualified in a one-table select, which the subquery would capture.
  const toolCount = sql<number>`(select count(*)::int from ${tools} t where t.organization_id = "locations"."organization_id"
    and t.current_location_id = "locations"."id" and t.deleted_at is null)`
  const found = await tx
    .select({ location: locations, toolCount })
    .from(locations)
    .where(
      and(
        isNull(locations.deletedAt),
        p.type ? eq(locations.type, p.type) : undefined,
        p.includeInactive ? undefined : eq(locations.isActive, true),
        q ? sql`lower(normalize(concat_ws(' ', ${locations.name}, ${locations.address}, ${locations.managerName}), NFKC)) like ${q}` : undefined,
      ),
    )
    .orderBy(desc(sql`${locations.type} = 'warehouse'`), desc(locations.isActive), desc(locations.startsOn), asc(locations.name))
  return found.map((r) => ({ ...r.location, toolCount: Number(r.toolCount) }))
}

export async function getLocation(tx: Tx, params: { id: string }): Promise<Location | null> {
  const [row] = await tx
    .select()
    .from(locations)
    .where(and(eq(locations.id, params.id), isNull(locations.deletedAt)))
  return row ?? null
}
