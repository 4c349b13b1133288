import { and, asc, desc, eq, ne, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Tx } from '../db'
import { inspectionRecords, inspectionSchedules, repairRecords, toolCategories, tools, users } from '../db/schema'
import { rows } from '../db/sql'
import { nextDueSql, scheduleAppliesSql } from '../alerts/conditions'
import { repairListQuery, type RepairListQuery } from './schemas'
import { isUuid } from '../validation'

const reporter = alias(users, 'reporter')

const repairColumns = {
  id: repairRecords.id,
  toolId: repairRecords.toolId,
  toolCode: tools.toolCode,
  toolName: tools.name,
  status: repairRecords.status,
  reportedAt: repairRecords.reportedAt,
  reportedBy: repairRecords.reportedBy,
  reporterName: reporter.name,
  problem: repairRecords.problem,
  photoKey: repairRecords.photoKey,
  photoThumbnailKey: repairRecords.photoThumbnailKey,
  vendor: repairRecords.vendor,
  cost: repairRecords.cost,
  sentOn: repairRecords.sentOn,
  completedOn: repairRecords.completedOn,
  resolution: repairRecords.resolution,
}

function repairQuery(tx: Tx) {
  return tx
    .select(repairColumns)
    .from(repairRecords)
    .innerJoin(tools, and(eq(tools.organizationId, repairRecords.organizationId), eq(tools.id, repairRecords.toolId)))
    .innerJoin(reporter, eq(reporter.id, repairRecords.reportedBy))
}

/** Repairs, open ones first then newest first; filtered by status ('open' = not done) or tool. */
export async function listRepairs(tx: Tx, query: RepairListQuery = {}, limit = 200) {
  const q = repairListQuery.parse(query)
  return repairQuery(tx)
    .where(
      and(
        q.status === 'open' ? ne(repairRecords.status, 'done') : q.status ? eq(repairRecords.status, q.status) : undefined,
        q.toolId ? eq(repairRecords.toolId, q.toolId) : undefined,
      ),
    )
    .orderBy(sql`${repairRecords.status} = 'done'`, desc(repairRecords.reportedAt))
    .limit(limit)
}

export type RepairItem = Awaited<ReturnType<typeof listRepairs>>[number]

export async function getRepair(tx: Tx, id: string): Promise<RepairItem | null> {
  if (!isUuid(id)) return null
  const [row] = await repairQuery(tx).where(eq(repairRecords.id, id))
  return row ?? null
}

/** Every schedule with what it covers and how many tools are overdue or due within `soonDays` of `today`. */
export async function listSchedules(tx: Tx, params: { today: string; soonDays: number }) {
  return rows<{
    id: string
    name: string
    kind: 'inspection' | 'calibration'
    intervalMonths: number
    usesColor: boolean
    isActive: boolean
    startsOn: string
    notes: string | null
    toolId: string | null
    toolCode: string | null
    toolName: string | null
    categoryId: string | null
    categoryName: string | null
    tools: number
    overdue: number
    soon: number
  }>(
    tx,
    sql`select s.id, s.name, s.kind, s.interval_months as "intervalMonths", s.uses_color as "usesColor", s.is_active as "isActive",
          s.starts_on::text as "startsOn", s.notes, s.tool_id as "toolId", t1.tool_code as "toolCode", t1.name as "toolName",
          s.category_id as "categoryId", c.name as "categoryName",
          coalesce(d.n, 0)::int as tools, coalesce(d.overdue, 0)::int as overdue, coalesce(d.soon, 0)::int as soon
        from inspection_schedules s
        left join tools t1 on t1.organization_id = s.organization_id and t1.id = s.tool_id
        left join tool_categories c on c.organization_id = s.organization_id and c.id = s.category_id
        left join lateral (
          select count(*) as n, count(*) filter (where x.due_on < ${params.today}::date) as overdue,
            count(*) filter (where x.due_on >= ${params.today}::date and x.due_on <= ${params.today}::date + ${params.soonDays}::int) as soon
          from tools
          cross join lateral (select ${nextDueSql('s', 'tools.id')} as due_on) x
          where tools.organization_id = s.organization_id and ${scheduleAppliesSql('s', 'tools')} and tools.deleted_at is null and tools.status <> 'disposed'
        ) d on true
        order by s.is_active desc, s.name`,
  )
}

export type ScheduleItem = Awaited<ReturnType<typeof listSchedules>>[number]

/** The schedules that apply to one tool, each with its next due date. */
export async function toolSchedules(tx: Tx, toolId: string) {
  return rows<{ id: string; name: string; kind: 'inspection' | 'calibration'; usesColor: boolean; intervalMonths: number; dueOn: string }>(
    tx,
    sql`select s.id, s.name, s.kind, s.uses_color as "usesColor", s.interval_months as "intervalMonths", (${nextDueSql('s', 'tools.id')})::text as "dueOn"
        from tools join inspection_schedules s on s.organization_id = tools.organization_id and ${scheduleAppliesSql('s', 'tools')}
        where tools.id = ${toolId} and s.is_active
        order by 6, s.name`,
  )
}

const inspector = alias(users, 'inspector')

/** Inspections done, newest first: of one tool, or of the whole company. */
export async function listInspections(tx: Tx, params: { toolId?: string; limit?: number } = {}) {
  return tx
    .select({
      id: inspectionRecords.id,
      toolId: inspectionRecords.toolId,
      toolCode: tools.toolCode,
      toolName: tools.name,
      scheduleName: inspectionSchedules.name,
      performedOn: inspectionRecords.performedOn,
      result: inspectionRecords.result,
      color: inspectionRecords.color,
      note: inspectionRecords.note,
      inspectorName: inspector.name,
    })
    .from(inspectionRecords)
    .innerJoin(tools, and(eq(tools.organizationId, inspectionRecords.organizationId), eq(tools.id, inspectionRecords.toolId)))
    .innerJoin(inspector, eq(inspector.id, inspectionRecords.inspectorId))
    .leftJoin(
      inspectionSchedules,
      and(eq(inspectionSchedules.organizationId, inspectionRecords.organizationId), eq(inspectionSchedules.id, inspectionRecords.scheduleId)),
    )
    .where(params.toolId ? eq(inspectionRecords.toolId, params.toolId) : undefined)
    .orderBy(desc(inspectionRecords.performedOn), desc(inspectionRecords.createdAt))
    .limit(params.limit ?? 100)
}

/** The categories, for the schedule form. */
export async function categoryOptions(tx: Tx) {
  return tx
    .select({ id: toolCategories.id, name: toolCategories.name, codePrefix: toolCategories.codePrefix })
    .from(toolCategories)
    .where(eq(toolCategories.isActive, true))
    .orderBy(asc(toolCategories.displayOrder), asc(toolCategories.codePrefix))
}

/** A tool by id for the maintenance forms (code, name, status), or null. */
export async function toolHeader(tx: Tx, id: string | undefined) {
  if (!id || !isUuid(id)) return null
  const [row] = await tx
    .select({ id: tools.id, toolCode: tools.toolCode, name: tools.name, status: tools.status, deletedAt: tools.deletedAt })
    .from(tools)
    .where(eq(tools.id, id))
  return row && !row.deletedAt ? row : null
}
