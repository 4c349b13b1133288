import { sql, type SQL } from 'drizzle-orm'
import { bigint, boolean, check, date, foreignKey, index, integer, jsonb, pgPolicy, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { authenticatedRole } from 'drizzle-orm/supabase'
import { memberships, organizations } from './core'
import { createdAt, id, managers, organizationId, tenantPolicies, updatedAt, writers, type Role } from './helpers'
import { registerEditors, toolCategories, tools } from './tools'

/*
 * What a manager looks after every morning (seed 004 §6.1, §13 phase 2): company settings for alerts, inspection
 * colours and depreciation; repairs (損耗・修理管理); recurring inspections and their records. Hand-written SQL in
 * the `dashboard_rls` migration adds forced RLS, grants, audit and touch triggers. See docs/decisions/012-dashboard-maintenance-reports.md.
 */

const inOrg = sql`organization_id = (select app.org_id())`
const hasRole = (allowed: readonly Role[]): SQL => sql`(select app.has_role(${sql.raw(allowed.map((r) => `'${r}'`).join(', '))}))`

/** 月例点検色: a colour's name as printed on the tag and how the screen shows it. */
export interface InspectionColor {
  name: string
  /** '#rrggbb' */
  hex: string
}

/** One row per company: the manager's settings. Absent = the defaults (lib/maintenance/settings.ts). */
export const managementSettings = pgTable(
  'management_settings',
  {
    organizationId: organizationId(),
    id: id(),
    /** A tool on a site longer than this many days is "long unreturned" (長期未返却). */
    longUnreturnedDays: integer('long_unreturned_days').notNull().default(7),
    /** Due dates within this many days count as "due soon". */
    dueSoonDays: integer('due_soon_days').notNull().default(14),
    /** The monthly inspection colour rotation, in order (DOMAIN-JP.md: 緑 → 黄 → 赤 → 白). */
    inspectionColors: jsonb('inspection_colors').$type<InspectionColor[]>().notNull(),
    /** The month (its first day) that takes the first colour. */
    colorAnchorMonth: date('color_anchor_month').notNull().default('2026-01-01'),
    depreciationMethod: text('depreciation_method', { enum: ['straight_line', 'declining_balance'] }).notNull().default('declining_balance'),
    fiscalYearEndMonth: integer('fiscal_year_end_month').notNull().default(3),
    /** Items under this (yen) are expensed at once: 100,000, or 300,000 under the small-company rule. */
    expenseThreshold: bigint('expense_threshold', { mode: 'number' }).notNull().default(100_000),
    /** ¥100,000–¥199,999 items written off in equal thirds (一括償却資産). */
    lumpSumThirds: boolean('lump_sum_thirds').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'management_settings_pkey', columns: [t.organizationId, t.id] }),
    uniqueIndex('management_settings_org_key').on(t.organizationId),
    foreignKey({ name: 'management_settings_org_fk', columns: [t.organizationId], foreignColumns: [organizations.id] }),
    check('management_settings_days_range', sql`${t.longUnreturnedDays} between 1 and 365 and ${t.dueSoonDays} between 0 and 180`),
    check('management_settings_colors_array', sql`jsonb_typeof(${t.inspectionColors}) = 'array' and jsonb_array_length(${t.inspectionColors}) between 1 and 12`),
    check('management_settings_anchor_first', sql`extract(day from ${t.colorAnchorMonth}) = 1`),
    check('management_settings_method_check', sql`${t.depreciationMethod} in ('straight_line', 'declining_balance')`),
    check('management_settings_fiscal_month', sql`${t.fiscalYearEndMonth} between 1 and 12`),
    check('management_settings_threshold', sql`${t.expenseThreshold} between 0 and 1000000`),
    ...tenantPolicies('management_settings', { roles: managers }),
  ],
).enableRLS()

export const repairStatuses = ['reported', 'in_repair', 'done'] as const
export type RepairStatus = (typeof repairStatuses)[number]

/** A breakage and its repair (損耗・修理管理): reported on site, sent to a vendor, done; the tool's status follows. */
export const repairRecords = pgTable(
  'repair_records',
  {
    organizationId: organizationId(),
    id: id(),
    toolId: uuid('tool_id').notNull(),
    status: text('status', { enum: repairStatuses }).notNull().default('reported'),
    reportedBy: uuid('reported_by').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
    /** What is wrong, in the reporter's words. */
    problem: text('problem').notNull(),
    /** '<organization id>/repairs/<repair id>/…' in the file storage; photos only. */
    photoKey: text('photo_key'),
    photoThumbnailKey: text('photo_thumbnail_key'),
    vendor: text('vendor'),
    /** Integer yen. */
    cost: bigint('cost', { mode: 'number' }),
    sentOn: date('sent_on'),
    completedOn: date('completed_on'),
    resolution: text('resolution'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'repair_records_pkey', columns: [t.organizationId, t.id] }),
    index('repair_records_org_tool_idx').on(t.organizationId, t.toolId, t.reportedAt.desc()),
    index('repair_records_org_open_idx').on(t.organizationId, t.reportedAt.desc()).where(sql`${t.status} <> 'done'`),
    foreignKey({ name: 'repair_records_org_fk', columns: [t.organizationId], foreignColumns: [organizations.id] }),
    foreignKey({ name: 'repair_records_tool_fk', columns: [t.organizationId, t.toolId], foreignColumns: [tools.organizationId, tools.id] }).onDelete('cascade'),
    foreignKey({ name: 'repair_records_reporter_fk', columns: [t.organizationId, t.reportedBy], foreignColumns: [memberships.organizationId, memberships.userId] }),
    check('repair_records_status_check', sql`${t.status} in ('reported', 'in_repair', 'done')`),
    check('repair_records_problem_not_blank', sql`btrim(${t.problem}) <> ''`),
    check('repair_records_cost_not_negative', sql`${t.cost} >= 0`),
    check('repair_records_dates_ordered', sql`${t.completedOn} is null or ${t.sentOn} is null or ${t.completedOn} >= ${t.sentOn}`),
    check('repair_records_photo_in_org', sql`${t.photoKey} is null or starts_with(${t.photoKey}, ${t.organizationId}::text || '/')`),
    check('repair_records_thumb_in_org', sql`${t.photoThumbnailKey} is null or starts_with(${t.photoThumbnailKey}, ${t.organizationId}::text || '/')`),
    // Anyone who moves tools reports a breakage; leaders and up run the repair; owners and admins delete.
    pgPolicy('repair_records_select', { for: 'select', to: authenticatedRole, using: inOrg }),
    pgPolicy('repair_records_insert', { for: 'insert', to: authenticatedRole, withCheck: sql`${inOrg} and ${hasRole(writers)}` }),
    pgPolicy('repair_records_update', { for: 'update', to: authenticatedRole, using: sql`${inOrg} and ${hasRole(registerEditors)}`, withCheck: sql`${inOrg} and ${hasRole(registerEditors)}` }),
    pgPolicy('repair_records_delete', { for: 'delete', to: authenticatedRole, using: sql`${inOrg} and ${hasRole(managers)}` }),
  ],
).enableRLS()

export const scheduleKinds = ['inspection', 'calibration'] as const
export type ScheduleKind = (typeof scheduleKinds)[number]

/**
 * A recurring inspection (定期点検, 月例点検) or calibration (校正) for one tool or for every tool of a category.
 * A tool's next due date is its latest record's date plus the interval; never inspected, `starts_on`.
 * With `uses_color`, an inspection holds for calendar months (月例点検: this month's colour until month end).
 */
export const inspectionSchedules = pgTable(
  'inspection_schedules',
  {
    organizationId: organizationId(),
    id: id(),
    name: text('name').notNull(),
    kind: text('kind', { enum: scheduleKinds }).notNull().default('inspection'),
    toolId: uuid('tool_id'),
    categoryId: uuid('category_id'),
    intervalMonths: integer('interval_months').notNull(),
    startsOn: date('starts_on').notNull(),
    usesColor: boolean('uses_color').notNull().default(false),
    isActive: boolean('is_active').notNull().default(true),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'inspection_schedules_pkey', columns: [t.organizationId, t.id] }),
    index('inspection_schedules_org_category_idx').on(t.organizationId, t.categoryId),
    index('inspection_schedules_org_tool_idx').on(t.organizationId, t.toolId),
    foreignKey({ name: 'inspection_schedules_org_fk', columns: [t.organizationId], foreignColumns: [organizations.id] }),
    foreignKey({ name: 'inspection_schedules_tool_fk', columns: [t.organizationId, t.toolId], foreignColumns: [tools.organizationId, tools.id] }).onDelete('cascade'),
    foreignKey({
      name: 'inspection_schedules_category_fk',
      columns: [t.organizationId, t.categoryId],
      foreignColumns: [toolCategories.organizationId, toolCategories.id],
    }).onDelete('cascade'),
    check('inspection_schedules_kind_check', sql`${t.kind} in ('inspection', 'calibration')`),
    check('inspection_schedules_one_target', sql`(${t.toolId} is null) <> (${t.categoryId} is null)`),
    check('inspection_schedules_interval_range', sql`${t.intervalMonths} between 1 and 120`),
    check('inspection_schedules_name_not_blank', sql`btrim(${t.name}) <> ''`),
    ...tenantPolicies('inspection_schedules', { roles: registerEditors }),
  ],
).enableRLS()

export const inspectionResults = ['pass', 'fail'] as const
export type InspectionResult = (typeof inspectionResults)[number]

/** One inspection or calibration done: when, by whom, the result and (月例点検) the colour tag put on. */
export const inspectionRecords = pgTable(
  'inspection_records',
  {
    organizationId: organizationId(),
    id: id(),
    toolId: uuid('tool_id').notNull(),
    scheduleId: uuid('schedule_id'),
    performedOn: date('performed_on').notNull(),
    result: text('result', { enum: inspectionResults }).notNull(),
    inspectorId: uuid('inspector_id').notNull(),
    /** The colour tag of the month it was done in (月例点検色), when the schedule uses colours. */
    color: text('color'),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'inspection_records_pkey', columns: [t.organizationId, t.id] }),
    index('inspection_records_org_tool_idx').on(t.organizationId, t.toolId, t.scheduleId, t.performedOn.desc()),
    index('inspection_records_org_schedule_idx').on(t.organizationId, t.scheduleId, t.toolId, t.performedOn.desc()),
    foreignKey({ name: 'inspection_records_org_fk', columns: [t.organizationId], foreignColumns: [organizations.id] }),
    foreignKey({ name: 'inspection_records_tool_fk', columns: [t.organizationId, t.toolId], foreignColumns: [tools.organizationId, tools.id] }).onDelete('cascade'),
    foreignKey({
      name: 'inspection_records_schedule_fk',
      columns: [t.organizationId, t.scheduleId],
      foreignColumns: [inspectionSchedules.organizationId, inspectionSchedules.id],
    }),
    foreignKey({ name: 'inspection_records_inspector_fk', columns: [t.organizationId, t.inspectorId], foreignColumns: [memberships.organizationId, memberships.userId] }),
    check('inspection_records_result_check', sql`${t.result} in ('pass', 'fail')`),
    // Records are history: members add them; only owners and admins correct or remove one.
    pgPolicy('inspection_records_select', { for: 'select', to: authenticatedRole, using: inOrg }),
    pgPolicy('inspection_records_insert', { for: 'insert', to: authenticatedRole, withCheck: sql`${inOrg} and ${hasRole(writers)}` }),
    pgPolicy('inspection_records_update', { for: 'update', to: authenticatedRole, using: sql`${inOrg} and ${hasRole(managers)}`, withCheck: sql`${inOrg} and ${hasRole(managers)}` }),
    pgPolicy('inspection_records_delete', { for: 'delete', to: authenticatedRole, using: sql`${inOrg} and ${hasRole(managers)}` }),
  ],
).enableRLS()
