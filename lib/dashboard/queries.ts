import { eq, sql } from 'drizzle-orm'
import type { Tx } from '../db'
import { organizations } from '../db/schema'
import { rows } from '../db/sql'
import { allAlerts, type AlertOptions } from '../alerts/queries'
import { listMovements } from '../movements/queries'
import { currentOrg } from '../tenant-sql'

export interface InventorySummary {
  /** Individual tools in use (not disposed). */
  tools: number
  toolsOnSites: number
  toolsInWarehouses: number
  /** Tools broken or in repair. */
  toolsOut: number
  /** Quantity-managed items, and their units by where they are. */
  stockItems: number
  unitsOnSites: number
  unitsInWarehouses: number
}

/** Counts and quantities by kind of place (seed 004 §6.1 在庫サマリー): two statements over tools and tool_stock. */
export async function inventorySummary(tx: Tx): Promise<InventorySummary> {
  const [r] = await rows<InventorySummary>(
    tx,
    sql`with stock as (
          select coalesce(sum(s.quantity) filter (where l.type = 'site'), 0)::int as site, coalesce(sum(s.quantity) filter (where l.type = 'warehouse'), 0)::int as warehouse
          from tool_stock s
          join tools t on t.organization_id = s.organization_id and t.id = s.tool_id and t.deleted_at is null and t.status <> 'disposed'
          join locations l on l.organization_id = s.organization_id and l.id = s.location_id
        ), register as (
          select count(*) filter (where t.management_type = 'individual')::int as tools,
            count(*) filter (where t.management_type = 'individual' and l.type = 'site')::int as on_sites,
            count(*) filter (where t.management_type = 'individual' and l.type = 'warehouse')::int as in_warehouses,
            count(*) filter (where t.management_type = 'individual' and t.status in ('broken', 'repair'))::int as out_of_order,
            count(*) filter (where t.management_type = 'quantity')::int as stock_items,
            coalesce(sum(t.current_quantity) filter (where t.management_type = 'quantity' and l.type = 'site'), 0)::int as home_site,
            coalesce(sum(t.current_quantity) filter (where t.management_type = 'quantity' and l.type is distinct from 'site'), 0)::int as home_warehouse
          from tools t
          left join locations l on l.organization_id = t.organization_id and l.id = t.current_location_id
          where t.deleted_at is null and t.status <> 'disposed'
        )
        select r.tools, r.on_sites as "toolsOnSites", r.in_warehouses as "toolsInWarehouses", r.out_of_order as "toolsOut",
          r.stock_items as "stockItems", (r.home_site + s.site)::int as "unitsOnSites", (r.home_warehouse + s.warehouse)::int as "unitsInWarehouses"
        from register r, stock s`,
  )
  return r!
}

export interface SiteGlance {
  id: string
  name: string
  managerName: string | null
  /** 'YYYY-MM-DD' or null. */
  endsOn: string | null
  tools: number
  units: number
  /** Days the longest-standing tool has been there (null when none). */
  longestDays: number | null
}

/** Every open job site with what is there now, busiest first (seed 004: 現場ごとの道具). */
export async function sitesAtAGlance(tx: Tx): Promise<SiteGlance[]> {
  return rows<SiteGlance>(
    tx,
    sql`select l.id, l.name, l.manager_name as "managerName", l.ends_on::text as "endsOn",
          coalesce(t.n, 0)::int as tools, coalesce(s.units, 0)::int as units, t.longest_days as "longestDays"
        from locations l
        left join lateral (
          select count(*)::int as n, floor(extract(epoch from now() - min(coalesce(x.last_moved_at, x.created_at))) / 86400)::int as longest_days
          from tools x where x.organization_id = l.organization_id and x.current_location_id = l.id and x.deleted_at is null
            and x.management_type = 'individual' and x.status <> 'disposed'
        ) t on true
        left join lateral (
          select sum(q.quantity)::int as units from tool_stock q where q.organization_id = l.organization_id and q.location_id = l.id
        ) s on true
        where l.type = 'site' and l.is_active and l.deleted_at is null
        order by coalesce(t.n, 0) desc, l.name`,
  )
}

/** The company's name and plan, for the top of the dashboard. */
export async function companyHeader(tx: Tx) {
  const [org] = await tx.select({ name: organizations.name, plan: organizations.plan }).from(organizations).where(eq(organizations.id, currentOrg()))
  return org ?? { name: '', plan: 'basic' }
}

/** The company-wide figures of the home screen: the same for every member, so they may be shared (./cache.ts). */
export async function companyFigures(tx: Tx, options: AlertOptions) {
  const summary = await inventorySummary(tx)
  const alerts = await allAlerts(tx, options)
  const sites = await sitesAtAGlance(tx)
  return { summary, alerts, sites }
}

export type CompanyFigures = Awaited<ReturnType<typeof companyFigures>>

/**
 * Everything the home screen shows (seed 004 §6.1), read in one transaction; `figures` lets the caller supply
 * the company-wide part (from the cache) instead of reading it.
 */
export async function dashboard(tx: Tx, options: AlertOptions, figures?: (load: () => Promise<CompanyFigures>) => Promise<CompanyFigures>) {
  const company = await companyHeader(tx)
  const load = () => companyFigures(tx, options)
  const shared = figures ? await figures(load) : await load()
  const moves = (await listMovements(tx, { limit: 5 })).items
  return { company, ...shared, moves }
}

export type Dashboard = Awaited<ReturnType<typeof dashboard>>
