import { sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Tx } from '../db'
import { rows } from '../db/sql'
import { movementTypes, type MovementType } from '../db/schema/movements'
import { addMonths } from '../alerts/dates'

/*
 * Reports behind the dashboard (seed 004 §13 グラフ化・コスト分析): moves over time, tool-days per site and month
 * (the base for charging sites), and the share of time each category spends on sites. Months and days are
 * Japan's calendar. Set-based: one statement each, over the period asked for.
 */

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)

/** The months a report covers, inclusive: 'YYYY-MM'. At most 24; by default the last 12 up to this month. */
export const reportPeriod = z
  .object({ from: month.optional().catch(undefined), to: month.optional().catch(undefined) })
  .transform((p, ctx) => {
    const to = p.to ?? new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7)
    const from = p.from && p.from <= to ? p.from : addMonths(`${to}-01`, -11).slice(0, 7)
    const span = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5)) - Number(from.slice(5)) + 1
    if (span > 24) ctx.addIssue({ code: 'custom', message: 'TOO_LONG' })
    return { from, to, months: Array.from({ length: span }, (_, i) => addMonths(`${from}-01`, i).slice(0, 7)) }
  })
export type ReportPeriod = z.output<typeof reportPeriod>

/** Parses ?from=&to= from a URL; anything wrong gives the default period. */
export function parseReportPeriod(input: { from?: unknown; to?: unknown }): ReportPeriod {
  const parsed = reportPeriod.safeParse(input)
  return parsed.success ? parsed.data : reportPeriod.parse({})
}

const start = (m: string) => sql`(${`${m}-01`}::date::timestamp at time zone 'Asia/Tokyo')`
const endOf = (m: string) => sql`((${`${m}-01`}::date + interval '1 month')::timestamp at time zone 'Asia/Tokyo')`

export interface MovesByMonth {
  month: string
  counts: Record<MovementType, number>
  total: number
}

/** How many moves of each kind were made in each month of the period. */
export async function movesByMonth(tx: Tx, period: ReportPeriod): Promise<MovesByMonth[]> {
  const found = await rows<{ month: string; type: MovementType; n: number }>(
    tx,
    sql`select to_char(m.moved_at at time zone 'Asia/Tokyo', 'YYYY-MM') as month, m.movement_type as type, count(*)::int as n
        from tool_movements m
        where m.deleted_at is null and m.moved_at >= ${start(period.from)} and m.moved_at < ${endOf(period.to)}
        group by 1, 2`,
  )
  return period.months.map((m) => {
    const counts = Object.fromEntries(movementTypes.map((t) => [t, found.find((r) => r.month === m && r.type === t)?.n ?? 0])) as Record<MovementType, number>
    return { month: m, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) }
  })
}

/**
 * Stays of individual tools on job sites, from the moves: each move to a site starts a stay that ends at the
 * tool's next move (or now). Only stays that overlap [from, to) are kept, clipped to it.
 */
const siteStays = (from: ReturnType<typeof start>, to: ReturnType<typeof start>) => sql`
  stays as (
    select s.tool_id, s.location_id, greatest(s.start_at, ${from}) as start_at, least(coalesce(s.end_at, now()), ${to}) as end_at
    from (
      select m.tool_id, m.to_location_id as location_id, m.moved_at as start_at,
        lead(m.moved_at) over (partition by m.tool_id order by m.moved_at, m.created_at) as end_at
      from tool_movements m
      join tools t on t.organization_id = m.organization_id and t.id = m.tool_id and t.management_type = 'individual' and t.deleted_at is null
      where m.deleted_at is null and m.moved_at < ${to}
    ) s
    join locations l on l.organization_id = (select app.org_id()) and l.id = s.location_id and l.type = 'site'
    where coalesce(s.end_at, now()) > ${from} and s.start_at < ${to} and least(coalesce(s.end_at, now()), ${to}) > greatest(s.start_at, ${from})
  )`

export interface SiteDays {
  locationId: string
  name: string
  isActive: boolean
  /** Month → tool-days. */
  days: Record<string, number>
  total: number
}

/**
 * 道具日数: for each site and month, the calendar days (Japan) each individual tool spent there, summed. A day
 * counts when the tool was there at any time of it, as rental days are counted (the day it came and the day
 * it left both count). The base for charging sites for their tools.
 */
export async function toolDaysBySite(tx: Tx, period: ReportPeriod): Promise<SiteDays[]> {
  const found = await rows<{ locationId: string; name: string; isActive: boolean; month: string; days: number }>(
    tx,
    sql`with ${siteStays(start(period.from), endOf(period.to))},
        days as (
          select st.location_id, (st.start_at at time zone 'Asia/Tokyo')::date as first_day,
            ((st.end_at - interval '1 microsecond') at time zone 'Asia/Tokyo')::date as last_day
          from stays st
        )
        select d.location_id as "locationId", l.name, l.is_active as "isActive", to_char(mo, 'YYYY-MM') as month,
          sum(least(d.last_day, (mo + interval '1 month' - interval '1 day')::date) - greatest(d.first_day, mo::date) + 1)::int as days
        from days d
        join locations l on l.organization_id = (select app.org_id()) and l.id = d.location_id
        cross join lateral generate_series(date_trunc('month', d.first_day::timestamp), date_trunc('month', d.last_day::timestamp), interval '1 month') mo
        group by 1, 2, 3, 4`,
  )
  const bySite = new Map<string, SiteDays>()
  for (const r of found) {
    if (!bySite.has(r.locationId)) bySite.set(r.locationId, { locationId: r.locationId, name: r.name, isActive: r.isActive, days: {}, total: 0 })
    const site = bySite.get(r.locationId)!
    site.days[r.month] = (site.days[r.month] ?? 0) + r.days
    site.total += r.days
  }
  return [...bySite.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'ja'))
}

export interface CategoryUse {
  categoryId: string
  name: string
  tools: number
  /** Tool-days on sites (elapsed time, in days). */
  siteDays: number
  /** siteDays / (tools × days in the period), 0…1. */
  share: number
}

/**
 * 稼働率 per category: the share of the period its individual tools (those in use now) spent on job sites,
 * by elapsed time (a transfer day is not counted twice).
 */
export async function utilisationByCategory(tx: Tx, period: ReportPeriod): Promise<CategoryUse[]> {
  const from = start(period.from)
  const to = sql`least(${endOf(period.to)}, now())`
  return rows<CategoryUse>(
    tx,
    sql`with ${siteStays(from, to)},
        on_site as (select t.category_id, sum(extract(epoch from st.end_at - st.start_at)) / 86400 as days
          from stays st join tools t on t.organization_id = (select app.org_id()) and t.id = st.tool_id group by 1),
        fleet as (select t.category_id, count(*) as n from tools t
          where t.deleted_at is null and t.management_type = 'individual' and t.status <> 'disposed' group by 1),
        span as (select greatest(extract(epoch from ${to} - ${from}) / 86400, 1) as days)
        select c.id as "categoryId", c.name, f.n::int as tools, round(coalesce(o.days, 0)::numeric, 1)::float8 as "siteDays",
          least(round((coalesce(o.days, 0) / (f.n * span.days))::numeric, 4), 1)::float8 as share
        from tool_categories c
        join fleet f on f.category_id = c.id
        left join on_site o on o.category_id = c.id
        cross join span
        order by c.display_order, c.code_prefix`,
  )
}
