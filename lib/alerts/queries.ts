import { sql } from 'drizzle-orm'
import type { Tx } from '../db'
import { rows } from '../db/sql'
import type { ManagementSettings } from '../maintenance/settings'
import { lowStockCondition, onSiteSinceCondition, scheduleAppliesSql } from './conditions'
import { addDays } from './dates'

/*
 * The morning alerts (seed 004 §6.1 要注意アラート): each with its exact count, its first few tools, and the
 * filters of the tool list that shows all of them (lib/alerts/links.ts). Set-based: a handful of statements
 * whatever the size of the register.
 */

export interface AlertOptions {
  /** Japan's calendar day, 'YYYY-MM-DD' (lib/validation todayIso). */
  today: string
  settings: Pick<ManagementSettings, 'longUnreturnedDays' | 'dueSoonDays'>
  /** How many tools each alert names (the count is always exact). */
  limit?: number
  /** Long-unreturned tools held by this member only (a staff member's own digest). */
  holderId?: string
}

export interface LowStockItem {
  id: string
  toolCode: string
  name: string
  quantity: number
  threshold: number
  unit: string | null
}

export async function lowStockAlert(tx: Tx, options: Pick<AlertOptions, 'limit'> = {}) {
  const found = await rows<LowStockItem & { total: number }>(
    tx,
    sql`select tools.id, tools.tool_code as "toolCode", tools.name, tools.current_quantity::int as quantity, tools.min_stock_alert::int as threshold,
          tools.unit, count(*) over ()::int as total
        from tools
        where tools.deleted_at is null and tools.status <> 'disposed' and ${lowStockCondition}
        order by tools.current_quantity - tools.min_stock_alert, tools.current_quantity, tools.tool_code
        limit ${options.limit ?? 5}`,
  )
  return { count: found[0]?.total ?? 0, items: found.map(({ total: _total, ...item }) => item) }
}

export interface UnreturnedItem {
  id: string
  toolCode: string
  name: string
  locationId: string
  locationName: string
  holderId: string | null
  holderName: string | null
  /** Whole days since it went there. */
  days: number
}

export async function longUnreturnedAlert(tx: Tx, options: Pick<AlertOptions, 'limit' | 'holderId' | 'settings'>) {
  const found = await rows<UnreturnedItem & { total: number }>(
    tx,
    sql`select tools.id, tools.tool_code as "toolCode", tools.name, l.id as "locationId", l.name as "locationName",
          tools.current_holder_id as "holderId", u.name as "holderName",
          floor(extract(epoch from now() - coalesce(tools.last_moved_at, tools.created_at)) / 86400)::int as days,
          count(*) over ()::int as total
        from tools
        join locations l on l.organization_id = tools.organization_id and l.id = tools.current_location_id
        left join users u on u.id = tools.current_holder_id
        where tools.deleted_at is null and tools.status <> 'disposed' and ${onSiteSinceCondition(options.settings.longUnreturnedDays)}
          ${options.holderId ? sql`and tools.current_holder_id = ${options.holderId}::uuid` : sql``}
        order by coalesce(tools.last_moved_at, tools.created_at), tools.tool_code
        limit ${options.limit ?? 5}`,
  )
  return { count: found[0]?.total ?? 0, items: found.map(({ total: _total, ...item }) => item) }
}

export interface DueItem {
  id: string
  toolCode: string
  name: string
  /** 'YYYY-MM-DD' */
  dueOn: string
}

/** A source of due dates: a custom date field marked as a due date, or an inspection schedule. */
export interface DueGroup {
  source: 'field' | 'schedule'
  /** The field key, or the schedule id. */
  key: string
  label: string
  /** Schedules only. */
  kind: 'inspection' | 'calibration' | null
  overdue: number
  soon: number
  /** The most urgent first. */
  items: DueItem[]
}

interface DueRow extends DueItem {
  source: 'field' | 'schedule'
  key: string
  label: string
  kind: 'inspection' | 'calibration' | null
  overdue: number
  soon: number
}

/**
 * Everything overdue (due before today) or due soon (today … today + dueSoonDays), per due-date field and per
 * active schedule. Disposed and deleted tools are left out.
 */
export async function dueAlerts(tx: Tx, options: Pick<AlertOptions, 'today' | 'settings' | 'limit'>): Promise<DueGroup[]> {
  const until = addDays(options.today, options.settings.dueSoonDays)
  const limit = options.limit ?? 5
  const found = await rows<DueRow>(
    tx,
    // The latest pass of every (schedule, tool) in one aggregate: cheaper than a look-up per tool.
    sql`with passed as (
          select r.schedule_id, r.tool_id, max(r.performed_on) as last_passed from inspection_records r
          where r.result = 'pass' and r.schedule_id is not null group by 1, 2
        ), due as (
          select 'field' as source, d.field_key as key, d.label, null::text as kind, d.display_order as ord,
            tools.id, tools.tool_code, tools.name, (tools.custom_fields ->> d.field_key) as due_on
          from custom_field_definitions d
          join tools on tools.organization_id = d.organization_id
            and jsonb_typeof(tools.custom_fields -> d.field_key) = 'string' and (tools.custom_fields ->> d.field_key) <= ${until}
          where d.entity_type = 'tool' and d.is_due_date and d.is_active and tools.deleted_at is null and tools.status <> 'disposed'
          union all
          select 'schedule', s.id::text, s.name, s.kind, 1000, tools.id, tools.tool_code, tools.name,
            app.next_due(s.uses_color, s.interval_months, p.last_passed, s.starts_on)::text
          from inspection_schedules s
          join tools on tools.organization_id = s.organization_id and ${scheduleAppliesSql('s', 'tools')}
          left join passed p on p.schedule_id = s.id and p.tool_id = tools.id
          where s.is_active and tools.deleted_at is null and tools.status <> 'disposed'
            and app.next_due(s.uses_color, s.interval_months, p.last_passed, s.starts_on) <= ${until}::date
        ), ranked as (
          select due.*, row_number() over (partition by source, key order by due_on, tool_code) as rn,
            count(*) filter (where due_on < ${options.today}) over (partition by source, key)::int as overdue,
            count(*) filter (where due_on >= ${options.today}) over (partition by source, key)::int as soon
          from due
        )
        select source, key, label, kind, overdue, soon, id, tool_code as "toolCode", name, due_on as "dueOn"
        from ranked where rn <= ${limit}
        order by ord, label, key, rn`,
  )
  const groups = new Map<string, DueGroup>()
  for (const r of found) {
    const id = `${r.source}:${r.key}`
    if (!groups.has(id)) groups.set(id, { source: r.source, key: r.key, label: r.label, kind: r.kind, overdue: r.overdue, soon: r.soon, items: [] })
    groups.get(id)!.items.push({ id: r.id, toolCode: r.toolCode, name: r.name, dueOn: r.dueOn })
  }
  return [...groups.values()]
}

export interface OpenRepairItem {
  id: string
  toolId: string
  toolCode: string
  toolName: string
  status: 'reported' | 'in_repair'
  reportedAt: number
}

/** Repairs not yet done: counts by status and the latest few. */
export async function openRepairsAlert(tx: Tx, options: Pick<AlertOptions, 'limit'> = {}) {
  const found = await rows<OpenRepairItem & { reported: number; inRepair: number }>(
    tx,
    sql`select r.id, r.tool_id as "toolId", tools.tool_code as "toolCode", tools.name as "toolName", r.status,
          (extract(epoch from r.reported_at) * 1000)::float8 as "reportedAt",
          count(*) filter (where r.status = 'reported') over ()::int as reported,
          count(*) filter (where r.status = 'in_repair') over ()::int as "inRepair"
        from repair_records r
        join tools on tools.organization_id = r.organization_id and tools.id = r.tool_id
        where r.status <> 'done' and tools.deleted_at is null
        order by r.reported_at desc
        limit ${options.limit ?? 5}`,
  )
  return {
    reported: found[0]?.reported ?? 0,
    inRepair: found[0]?.inRepair ?? 0,
    items: found.map(({ reported: _r, inRepair: _i, ...item }) => item),
  }
}

export type Alerts = Awaited<ReturnType<typeof allAlerts>>

/** Every alert of the dashboard and the daily mail, in one transaction. */
export async function allAlerts(tx: Tx, options: AlertOptions) {
  const lowStock = await lowStockAlert(tx, options)
  const longUnreturned = await longUnreturnedAlert(tx, options)
  const due = await dueAlerts(tx, options)
  const repairs = await openRepairsAlert(tx, options)
  return { lowStock, longUnreturned, due, repairs }
}
