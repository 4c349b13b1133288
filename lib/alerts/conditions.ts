import { sql, type SQL } from 'drizzle-orm'

/*
 * The conditions behind the morning alerts, on the `tools` table (referenced by name, so they also hold inside
 * sub-queries and one-table selects). The dashboard counts with them and the tool list filters with them, so
 * an alert and the list behind it always show the same tools.
 */

/** Quantity-managed stock at home at or under its threshold (seed 004 在庫不足). */
export const lowStockCondition: SQL = sql`("tools"."management_type" = 'quantity' and "tools"."min_stock_alert" is not null
  and "tools"."current_quantity" <= "tools"."min_stock_alert")`

/** An individual tool standing on a job site since at least `days` days ago (長期未返却). */
export const onSiteSinceCondition = (days: number): SQL => sql`("tools"."management_type" = 'individual'
  and coalesce("tools"."last_moved_at", "tools"."created_at") <= now() - make_interval(days => ${days}::int)
  and exists (select 1 from locations l where l.organization_id = "tools"."organization_id" and l.id = "tools"."current_location_id" and l.type = 'site'))`

/**
 * The date a tool is next due under a schedule (alias `s`), by app.next_due(): its latest passed inspection plus the
 * interval (with colours, from the start of that month), or `starts_on`. A failed inspection does not count: the
 * tool stays due until it passes.
 */
export const nextDueSql = (s: string, toolId: string): SQL =>
  sql.raw(`app.next_due(${s}.uses_color, ${s}.interval_months, (select max(r.performed_on) from inspection_records r
    where r.organization_id = ${s}.organization_id and r.schedule_id = ${s}.id and r.tool_id = ${toolId} and r.result = 'pass'), ${s}.starts_on)`)

/** Whether a schedule (alias `s`) applies to a tool: the tool itself, or every individual tool of its category. */
export const scheduleAppliesSql = (s: string, tool: string): SQL =>
  sql.raw(`(${tool}.management_type = 'individual' and (${s}.tool_id = ${tool}.id or ${s}.category_id = ${tool}.category_id))`)

/** Tools an active schedule applies to whose next due date lies within [from, to] (either end open). */
export const scheduleDueCondition = (scheduleId: string, from?: string, to?: string): SQL => sql`exists (select 1 from inspection_schedules s
  where s.organization_id = "tools"."organization_id" and s.id = ${scheduleId}::uuid and s.is_active
    and ${scheduleAppliesSql('s', '"tools"')}
    ${from ? sql`and ${nextDueSql('s', '"tools"."id"')} >= ${from}::date` : sql``}
    ${to ? sql`and ${nextDueSql('s', '"tools"."id"')} <= ${to}::date` : sql``})`
