import 'server-only'
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm'
import type { Tx } from '../db'
import { listFieldDefinitions } from '../custom-fields/queries'
import { validateCustomValues } from '../custom-fields/validation'
import { attempt } from '../db-errors'
import { locations, toolStock, tools } from '../db/schema'
import { fail, ok, parseInput, type Result } from '../result'
import { currentOrg } from '../tenant-sql'
import { todayIso } from '../validation'
import type { Location } from './queries'
import { closeSiteInput, locationInput, locationUpdate, type CloseSiteInput, type LocationInput, type LocationUpdate } from './schemas'

/** Adds a warehouse or a job site (owners, admins, leaders), custom fields validated from the definitions. */
export async function createLocation(tx: Tx, input: LocationInput): Promise<Result<Location>> {
  const parsed = parseInput(locationInput, input)
  if (!parsed.ok) return parsed
  const defs = await listFieldDefinitions(tx, { entityType: 'location' })
  const values = validateCustomValues(defs, parsed.data.customFields)
  if (!values.ok) return values
  const result = await attempt(tx, (sp) =>
    sp
      .insert(locations)
      .values({ organizationId: currentOrg(), ...parsed.data, customFields: values.data })
      .returning(),
  )
  return result.ok ? ok(result.data[0]!) : result
}

async function current(tx: Tx, id: string) {
  const [row] = await tx
    .select()
    .from(locations)
    .where(and(eq(locations.id, id), isNull(locations.deletedAt)))
  return row
}

async function write(tx: Tx, id: string, patch: Partial<typeof locations.$inferInsert>): Promise<Result<Location>> {
  const result = await attempt(tx, (sp) => sp.update(locations).set(patch).where(eq(locations.id, id)).returning())
  if (!result.ok) return result
  return result.data[0] ? ok(result.data[0]) : fail('FORBIDDEN')
}

export async function updateLocation(tx: Tx, input: LocationUpdate): Promise<Result<Location>> {
  const parsed = parseInput(locationUpdate, input)
  if (!parsed.ok) return parsed
  const { id, customFields, ...patch } = parsed.data
  const row = await current(tx, id)
  if (!row) return fail('NOT_FOUND')
  const merged = { startsOn: row.startsOn, endsOn: row.endsOn, ...patch }
  if (merged.startsOn && merged.endsOn && merged.endsOn < merged.startsOn) return fail('VALIDATION', { fields: { endsOn: 'ENDS_BEFORE_START' } })
  let values: Record<string, unknown> | undefined
  if (customFields !== undefined) {
    const checked = validateCustomValues(await listFieldDefinitions(tx, { entityType: 'location' }), customFields, { existing: row.customFields })
    if (!checked.ok) return checked
    values = checked.data
  }
  return write(tx, id, { ...patch, ...(values ? { customFields: values } : {}) })
}

/** How many of the tools still at a site a refusal names (the count is always exact). */
export const SITE_TOOLS_SHOWN = 50

/**
 * Closes a job site: inactive, with its end date (today unless given). Refused with SITE_HAS_TOOLS
 * (details.count, details.tools: the first 50 by code) while tools are still there, so nothing is left at a
 * place nobody can pick.
 */
export async function closeSite(tx: Tx, input: CloseSiteInput): Promise<Result<Location>> {
  const parsed = parseInput(closeSiteInput, input)
  if (!parsed.ok) return parsed
  const row = await current(tx, parsed.data.id)
  if (!row) return fail('NOT_FOUND')
  if (row.type !== 'site') return fail('NOT_A_SITE')
  if (!row.isActive) return fail('SITE_ALREADY_CLOSED')
  const still = await tx
    .select({ id: tools.id, toolCode: tools.toolCode, name: tools.name, count: sql<number>`count(*) over ()::int` })
    .from(tools)
    // Individual tools standing there, and quantity tools with units there.
    .where(
      and(
        isNull(tools.deletedAt),
        or(eq(tools.currentLocationId, row.id), sql`exists (select 1 from ${toolStock} s where s.organization_id = ${tools.organizationId} and s.tool_id = ${tools.id} and s.location_id = ${row.id} and s.quantity > 0)`),
      ),
    )
    .orderBy(asc(tools.toolCode))
    .limit(SITE_TOOLS_SHOWN)
  if (still.length > 0) {
    const count = Number(still[0]!.count)
    return fail('SITE_HAS_TOOLS', { details: { count, tools: still.map(({ count: _count, ...t }) => t) } })
  }
  const endsOn = parsed.data.endsOn ?? todayIso()
  if (row.startsOn && endsOn < row.startsOn) return fail('VALIDATION', { fields: { endsOn: 'ENDS_BEFORE_START' } })
  return write(tx, row.id, { isActive: false, endsOn, closedAt: new Date() })
}

/** Opens a closed site again (its end date is cleared). */
export async function reopenSite(tx: Tx, input: { id: string }): Promise<Result<Location>> {
  const row = await current(tx, input.id)
  if (!row) return fail('NOT_FOUND')
  if (row.isActive) return ok(row)
  return write(tx, row.id, { isActive: true, endsOn: null, closedAt: null })
}

/** Deactivates a warehouse (sites are closed with closeSite). */
export async function setLocationActive(tx: Tx, input: { id: string; isActive: boolean }): Promise<Result<Location>> {
  const row = await current(tx, input.id)
  if (!row) return fail('NOT_FOUND')
  return write(tx, row.id, { isActive: input.isActive })
}
