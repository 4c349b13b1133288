import { randomUUID } from 'node:crypto'
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm'
import type { Tx } from '../db'
import { attempt } from '../db-errors'
import { inspectionRecords, inspectionSchedules, memberships, repairRecords, tools, users } from '../db/schema'
import { rows } from '../db/sql'
import { notify } from '../notifications/commands'
import { fail, ok, parseInput, type Result } from '../result'
import { isImage, makeThumbnail, normalizePhoto, sniffType } from '../storage/files'
import { storageLimits } from '../storage/limits'
import type { Storage } from '../storage/types'
import { currentOrg } from '../tenant-sql'
import { todayIso } from '../validation'
import {
  breakageInput,
  inspectionInput,
  repairUpdate,
  scheduleInput,
  scheduleUpdate,
  type BreakageInput,
  type InspectionInput,
  type RepairUpdate,
  type ScheduleInput,
  type ScheduleUpdate,
} from './schemas'
import { getManagementSettings, inspectionColor } from './settings'

export type Repair = typeof repairRecords.$inferSelect
export type Schedule = typeof inspectionSchedules.$inferSelect
export type Inspection = typeof inspectionRecords.$inferSelect

/**
 * The tool's status follows its open repairs: in repair (修理中) while one is at a vendor, broken (故障) while one is
 * reported, back to normal when the last is done. A disposed tool is left as it is.
 */
async function followRepairs(tx: Tx, toolId: string) {
  const [state] = await rows<{ status: string; inRepair: number; reported: number }>(
    tx,
    sql`select t.status, count(r.id) filter (where r.status = 'in_repair')::int as "inRepair", count(r.id) filter (where r.status = 'reported')::int as reported
        from tools t left join repair_records r on r.organization_id = t.organization_id and r.tool_id = t.id and r.status <> 'done'
        where t.id = ${toolId} group by t.status`,
  )
  if (!state || state.status === 'disposed') return
  const next = state.inRepair > 0 ? 'repair' : state.reported > 0 ? 'broken' : state.status === 'normal' ? null : 'normal'
  if (next && next !== state.status) await tx.update(tools).set({ status: next }).where(eq(tools.id, toolId))
}

/** The company's owners, admins and leaders (who run repairs), but not `except`. */
async function repairManagers(tx: Tx, except: string) {
  const found = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.isActive, true), inArray(memberships.role, ['owner', 'admin', 'leader']), ne(memberships.userId, except)))
  return found.map((m) => m.userId)
}

interface StoredPhoto {
  photoKey: string
  photoThumbnailKey: string | null
}

async function storePhoto(tx: Tx, storage: Storage, org: string, repairId: string, bytes: Uint8Array): Promise<Result<StoredPhoto>> {
  const [plan] = await rows<{ plan: string; max: string | null }>(tx, sql`select plan, max_storage_bytes::text as max from organizations where id = ${org}`)
  const limits = storageLimits(plan?.plan ?? 'basic', plan?.max ? Number(plan.max) : null)
  if (bytes.length > limits.maxFileBytes) return fail('FILE_TOO_LARGE', { details: { limit: limits.maxFileBytes } })
  const type = await sniffType(bytes)
  if (!type || !isImage(type.mime)) return fail('UNSUPPORTED_FILE_TYPE', { details: { detected: type?.mime ?? null } })
  let photo: { body: Buffer }
  let thumbnail: Buffer
  try {
    photo = await normalizePhoto(bytes, type.mime)
    thumbnail = await makeThumbnail(photo.body)
  } catch {
    return fail('UNREADABLE_IMAGE')
  }
  const base = `${org}/repairs/${repairId}/${randomUUID()}`
  const stored = { photoKey: `${base}.${type.ext}`, photoThumbnailKey: `${base}.thumb.webp` }
  await storage.put(stored.photoKey, photo.body, type.mime)
  await storage.put(stored.photoThumbnailKey, thumbnail, 'image/webp')
  return ok(stored)
}

/**
 * 故障報告: anyone who moves tools reports a breakage with a note and an optional photo (stored upright, without
 * its location metadata). The repair starts as reported, the tool turns broken, and the company's owners, admins
 * and leaders are told in the bell. Refused: NOT_FOUND (unknown, deleted or another company's), TOOL_DISPOSED,
 * FORBIDDEN (viewers), FILE_TOO_LARGE, UNSUPPORTED_FILE_TYPE, UNREADABLE_IMAGE.
 */
export async function reportBreakage(tx: Tx, storage: Storage, input: BreakageInput, options: { userId: string }): Promise<Result<Repair>> {
  const parsed = parseInput(breakageInput, input)
  if (!parsed.ok) return parsed
  const d = parsed.data
  const [tool] = await tx
    .select({ id: tools.id, code: tools.toolCode, name: tools.name, status: tools.status, org: tools.organizationId })
    .from(tools)
    .where(and(eq(tools.id, d.toolId), isNull(tools.deletedAt)))
  if (!tool) return fail('NOT_FOUND')
  if (tool.status === 'disposed') return fail('TOOL_DISPOSED')
  const id = randomUUID()
  let photo: StoredPhoto | null = null
  if (d.photo) {
    const stored = await storePhoto(tx, storage, tool.org, id, d.photo)
    if (!stored.ok) return stored
    photo = stored.data
  }
  const inserted = await attempt(tx, (sp) =>
    sp
      .insert(repairRecords)
      .values({ organizationId: currentOrg(), id, toolId: tool.id, reportedBy: options.userId, problem: d.problem, ...(photo ?? {}) })
      .returning(),
  )
  if (!inserted.ok) {
    if (photo) await storage.delete([photo.photoKey, ...(photo.photoThumbnailKey ? [photo.photoThumbnailKey] : [])])
    return inserted
  }
  await followRepairs(tx, tool.id)
  const [reporter] = await tx.select({ name: users.name }).from(users).where(eq(users.id, options.userId))
  await notify(tx, await repairManagers(tx, options.userId), {
    topic: 'repairs',
    kind: 'breakageReported',
    params: { toolCode: tool.code, toolName: tool.name, reporter: reporter?.name ?? '' },
    link: `/maintenance/repairs/${id}`,
  })
  return ok(inserted.data[0]!)
}

/**
 * A repair's progress (owners, admins, leaders): status, vendor, cost, dates, what was done. Done without a
 * completion date means today. The tool's status follows; the reporter is told when it is done.
 */
export async function updateRepair(tx: Tx, input: RepairUpdate): Promise<Result<Repair>> {
  const parsed = parseInput(repairUpdate, input)
  if (!parsed.ok) return parsed
  const { id, ...patch } = parsed.data
  const [before] = await tx.select().from(repairRecords).where(eq(repairRecords.id, id))
  if (!before) return fail('NOT_FOUND')
  const next = { ...patch }
  if (next.status === 'done' && !next.completedOn && !before.completedOn) next.completedOn = todayIso()
  const sentOn = next.sentOn === undefined ? before.sentOn : next.sentOn
  const completedOn = next.completedOn === undefined ? before.completedOn : next.completedOn
  if (sentOn && completedOn && completedOn < sentOn) return fail('VALIDATION', { fields: { completedOn: 'BEFORE_SENT' } })
  const updated = await attempt(tx, (sp) => sp.update(repairRecords).set(next).where(eq(repairRecords.id, id)).returning())
  if (!updated.ok) return updated
  const row = updated.data[0]
  if (!row) return fail('FORBIDDEN')
  await followRepairs(tx, row.toolId)
  if (row.status === 'done' && before.status !== 'done') {
    const [tool] = await tx.select({ code: tools.toolCode, name: tools.name }).from(tools).where(eq(tools.id, row.toolId))
    await notify(tx, [row.reportedBy], { topic: 'repairs', kind: 'repairDone', params: { toolCode: tool?.code ?? '', toolName: tool?.name ?? '' }, link: `/maintenance/repairs/${row.id}` })
  }
  return ok(row)
}

/** A recurring inspection for a tool or a category (owners, admins, leaders). */
export async function createSchedule(tx: Tx, input: ScheduleInput): Promise<Result<Schedule>> {
  const parsed = parseInput(scheduleInput, input)
  if (!parsed.ok) return parsed
  const result = await attempt(tx, (sp) =>
    sp
      .insert(inspectionSchedules)
      .values({ organizationId: currentOrg(), ...parsed.data, toolId: parsed.data.toolId ?? null, categoryId: parsed.data.categoryId ?? null })
      .returning(),
  )
  return result.ok ? ok(result.data[0]!) : result
}

/** Renames, re-times, pauses (isActive false) or resumes a schedule. Its records stay. */
export async function updateSchedule(tx: Tx, input: ScheduleUpdate): Promise<Result<Schedule>> {
  const parsed = parseInput(scheduleUpdate, input)
  if (!parsed.ok) return parsed
  const { id, ...patch } = parsed.data
  const result = await attempt(tx, (sp) => sp.update(inspectionSchedules).set(patch).where(eq(inspectionSchedules.id, id)).returning())
  if (!result.ok) return result
  return result.data[0] ? ok(result.data[0]) : fail('NOT_FOUND')
}

/**
 * Records an inspection (anyone who moves tools): today unless dated, by the signed-in member; a schedule that
 * uses colours stamps the colour of the month it was done in (月例点検色). A failed inspection keeps the tool due.
 */
export async function recordInspection(tx: Tx, input: InspectionInput, options: { userId: string }): Promise<Result<Inspection>> {
  const parsed = parseInput(inspectionInput, input)
  if (!parsed.ok) return parsed
  const d = parsed.data
  const performedOn = d.performedOn ?? todayIso()
  if (performedOn > todayIso()) return fail('VALIDATION', { fields: { performedOn: 'IN_FUTURE' } })
  const [tool] = await tx.select({ id: tools.id, status: tools.status }).from(tools).where(and(eq(tools.id, d.toolId), isNull(tools.deletedAt)))
  if (!tool) return fail('NOT_FOUND')
  let color: string | null = null
  if (d.scheduleId) {
    const [schedule] = await tx.select().from(inspectionSchedules).where(eq(inspectionSchedules.id, d.scheduleId))
    if (!schedule) return fail('SCHEDULE_NOT_FOUND')
    if (schedule.usesColor) color = inspectionColor(await getManagementSettings(tx), performedOn).name
  }
  const result = await attempt(tx, (sp) =>
    sp
      .insert(inspectionRecords)
      .values({
        organizationId: currentOrg(),
        toolId: tool.id,
        scheduleId: d.scheduleId ?? null,
        performedOn,
        result: d.result,
        inspectorId: options.userId,
        color,
        note: d.note ?? null,
      })
      .returning(),
  )
  return result.ok ? ok(result.data[0]!) : result
}
