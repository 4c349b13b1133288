import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { addMonths } from '@/lib/alerts/dates'
import { createSchedule, recordInspection, reportBreakage, updateRepair, updateSchedule } from '@/lib/maintenance/commands'
import { categoryOptions, getRepair, listInspections, listRepairs, listSchedules, toolHeader, toolSchedules } from '@/lib/maintenance/queries'
import {
  colorIndex,
  defaultManagementSettings,
  getManagementSettings,
  inspectionColor,
  updateManagementSettings,
  type ManagementSettingsInput,
} from '@/lib/maintenance/settings'
import { localStorage } from '@/lib/storage'
import { todayIso } from '@/lib/validation'
import { openTestDb } from '../support/db'

const t = await openTestDb()
const dir = mkdtempSync(path.join(os.tmpdir(), 'genba-repairs-'))
const storage = localStorage(dir)
afterAll(async () => {
  await t.close()
  rmSync(dir, { recursive: true, force: true })
})

const A = t.company('demo')
const B = t.company('sakura-denki')
const staff = t.as('demo', 'staff')
const leader = t.as('demo', 'leader')
const admin = t.as('demo', 'admin')
const viewer = t.as('demo', 'viewer')
const today = todayIso()

const one = async <T = { id: string }>(text: string, params: unknown[]) => (await t.admin<T>(text, params))[0]!
const [warehouse] = await t.admin<{ id: string }>(`select id from locations where organization_id = $1 and type = 'warehouse' order by name limit 1`, [A.id])
const [power] = await t.admin<{ id: string }>(`select id from tool_categories where organization_id = $1 and code_prefix = 'A'`, [A.id])

async function newTool(name = '修理テスト用ドリル', org = A.id, category = power!.id, at: string | null = warehouse!.id) {
  return (
    await one(`insert into tools (organization_id, category_id, name, current_location_id) values ($1, $2, $3, $4) returning id`, [org, category, name, at])
  ).id
}
const statusOf = async (id: string) => (await one<{ status: string }>(`select status from tools where id = $1`, [id])).status
const unread = (userId: string, kind: string) =>
  t.admin<{ params: Record<string, unknown>; link: string }>(`select params, link from notifications where user_id = $1 and organization_id = $2 and kind = $3 and read_at is null order by created_at desc`, [
    userId,
    A.id,
    kind,
  ])
const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#dc2626' } })
  .jpeg()
  .withMetadata({ exif: { IFD0: { Make: 'GenbaPhone' } } })
  .toBuffer()
const files = () => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length
const member = (role: string) => A.members.find((m) => m.role === role)!.userId

describe('breakage reports (故障報告)', () => {
  it('a staff member reports with a photo: the repair is reported, the tool broken, the photo stored without metadata, managers told', async () => {
    const tool = await newTool()
    const result = await t.tenant(staff, (tx) => reportBreakage(tx, storage, { toolId: tool, problem: '  スイッチが戻らない  ', photo, photoName: 'IMG_1.jpg' }, { userId: staff.userId }))
    if (!result.ok) throw new Error(result.error.code)
    expect(result.data).toMatchObject({ toolId: tool, status: 'reported', problem: 'スイッチが戻らない', reportedBy: staff.userId })
    expect(result.data.photoKey).toMatch(new RegExp(`^${A.id}/repairs/${result.data.id}/[0-9a-f-]+\\.jpg$`))
    expect(await statusOf(tool)).toBe('broken')
    const stored = await storage.get(result.data.photoKey!)
    const meta = await sharp(stored!.body).metadata()
    expect(meta.exif).toBeUndefined()
    expect(Math.max(meta.width!, meta.height!)).toBe(1600)
    expect((await storage.get(result.data.photoThumbnailKey!))?.contentType).toBe('image/webp')
    for (const role of ['owner', 'admin', 'leader']) {
      const [n] = await unread(member(role), 'breakageReported')
      expect(n, role).toMatchObject({ params: { reporter: '田中 次郎', toolName: '修理テスト用ドリル' }, link: `/maintenance/repairs/${result.data.id}` })
    }
    expect(await unread(member('staff'), 'breakageReported')).toEqual([])
    const listed = await t.tenant(viewer, (tx) => getRepair(tx, result.data.id))
    expect(listed).toMatchObject({ toolName: '修理テスト用ドリル', reporterName: '田中 次郎', status: 'reported' })
  })

  it('a member who turned the bell off for repairs is not told', async () => {
    await t.admin(`insert into notification_preferences (organization_id, user_id, topic, in_app, email) values ($1, $2, 'repairs', false, false)
      on conflict (organization_id, user_id, topic) do update set in_app = false`, [A.id, member('owner')])
    const tool = await newTool('通知テスト用ドリル')
    const result = await t.tenant(staff, (tx) => reportBreakage(tx, storage, { toolId: tool, problem: '煙が出た' }, { userId: staff.userId }))
    expect(result.ok).toBe(true)
    expect((await unread(member('owner'), 'breakageReported')).some((n) => n.params.toolName === '通知テスト用ドリル')).toBe(false)
    expect((await unread(member('admin'), 'breakageReported')).some((n) => n.params.toolName === '通知テスト用ドリル')).toBe(true)
  })

  it('refuses viewers, unknown, disposed and other companies’ tools, and files that are not photos (nothing left in storage)', async () => {
    const tool = await newTool()
    const before = files()
    const asViewer = await t.tenant(viewer, (tx) => reportBreakage(tx, storage, { toolId: tool, problem: 'x', photo }, { userId: viewer.userId }))
    expect(asViewer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(files()).toBe(before)
    const bTool = (await one(`select id from tools where organization_id = $1 limit 1`, [B.id])).id
    for (const toolId of [bTool, crypto.randomUUID()]) {
      expect(await t.tenant(staff, (tx) => reportBreakage(tx, storage, { toolId, problem: 'x' }, { userId: staff.userId }))).toMatchObject({ error: { code: 'NOT_FOUND' } })
    }
    await t.admin(`update tools set status = 'disposed', disposed_on = current_date, disposal_reason = '廃棄' where id = $1`, [tool])
    expect(await t.tenant(staff, (tx) => reportBreakage(tx, storage, { toolId: tool, problem: 'x' }, { userId: staff.userId }))).toMatchObject({ error: { code: 'TOOL_DISPOSED' } })
    const other = await newTool()
    const notPhoto = await t.tenant(staff, (tx) => reportBreakage(tx, storage, { toolId: other, problem: 'x', photo: Buffer.from('%PDF-1.4 not a photo') }, { userId: staff.userId }))
    expect(notPhoto).toMatchObject({ error: { code: 'UNSUPPORTED_FILE_TYPE' } })
    const blank = await t.tenant(staff, (tx) => reportBreakage(tx, storage, { toolId: other, problem: '   ' }, { userId: staff.userId }))
    expect(blank).toMatchObject({ error: { code: 'VALIDATION', fields: { problem: 'REQUIRED' } } })
    expect(await statusOf(other)).toBe('normal')
  })
})

describe('repairs (修理記録)', () => {
  it('a leader sends it to a vendor (tool in repair), records cost and finishes it (tool normal, reporter told)', async () => {
    const tool = await newTool('修理の流れ')
    const reported = await t.tenant(staff, (tx) => reportBreakage(tx, storage, { toolId: tool, problem: '回らない' }, { userId: staff.userId }))
    if (!reported.ok) throw new Error(reported.error.code)
    const id = reported.data.id
    const sent = await t.tenant(leader, (tx) => updateRepair(tx, { id, status: 'in_repair', vendor: 'マキタ 東京サービスセンター', sentOn: '2026-01-10', cost: '¥12,800' }))
    expect(sent).toMatchObject({ ok: true, data: { status: 'in_repair', vendor: 'マキタ 東京サービスセンター', cost: 12_800, sentOn: '2026-01-10' } })
    expect(await statusOf(tool)).toBe('repair')
    const early = await t.tenant(leader, (tx) => updateRepair(tx, { id, completedOn: '2026-01-09' }))
    expect(early).toMatchObject({ error: { code: 'VALIDATION', fields: { completedOn: 'BEFORE_SENT' } } })
    const done = await t.tenant(leader, (tx) => updateRepair(tx, { id, status: 'done', resolution: 'スイッチ交換' }))
    expect(done).toMatchObject({ ok: true, data: { status: 'done', completedOn: today, resolution: 'スイッチ交換' } })
    expect(await statusOf(tool)).toBe('normal')
    expect((await unread(member('staff'), 'repairDone')).some((n) => n.link === `/maintenance/repairs/${id}`)).toBe(true)
    const open = await t.tenant(viewer, (tx) => listRepairs(tx, { status: 'open' }))
    expect(open.some((r) => r.id === id)).toBe(false)
    const forTool = await t.tenant(viewer, (tx) => listRepairs(tx, { toolId: tool }))
    expect(forTool.map((r) => r.id)).toEqual([id])
    expect((await t.tenant(viewer, (tx) => listRepairs(tx, { status: 'done' }))).every((r) => r.status === 'done')).toBe(true)
  })

  it('the tool stays broken while another repair of it is still reported; staff may not update repairs', async () => {
    const tool = await newTool('二件の故障')
    const first = await t.tenant(staff, (tx) => reportBreakage(tx, storage, { toolId: tool, problem: '一件目' }, { userId: staff.userId }))
    const second = await t.tenant(staff, (tx) => reportBreakage(tx, storage, { toolId: tool, problem: '二件目' }, { userId: staff.userId }))
    if (!first.ok || !second.ok) throw new Error('report')
    expect(await t.tenant(staff, (tx) => updateRepair(tx, { id: first.data.id, status: 'done' }))).toMatchObject({ error: { code: 'FORBIDDEN' } })
    await t.tenant(leader, (tx) => updateRepair(tx, { id: first.data.id, status: 'done' }))
    expect(await statusOf(tool)).toBe('broken')
    expect(await t.tenant(leader, (tx) => updateRepair(tx, { id: crypto.randomUUID(), status: 'done' }))).toMatchObject({ error: { code: 'NOT_FOUND' } })
    expect(await t.tenant(viewer, (tx) => getRepair(tx, 'not-a-uuid'))).toBeNull()
  })
})

describe('inspection schedules and records (定期点検・月例点検色)', () => {
  it('leaders create schedules for a tool or a category (not both); staff may not; a schedule can be paused', async () => {
    const tool = await newTool('年次点検の発電機')
    const both = await t.tenant(leader, (tx) => createSchedule(tx, { name: 'x', toolId: tool, categoryId: power!.id, intervalMonths: 12, startsOn: today }))
    expect(both).toMatchObject({ error: { code: 'VALIDATION', fields: { categoryId: 'ONE_TARGET' } } })
    const none = await t.tenant(leader, (tx) => createSchedule(tx, { name: 'x', intervalMonths: 12, startsOn: today }))
    expect(none).toMatchObject({ error: { code: 'VALIDATION' } })
    expect(await t.tenant(staff, (tx) => createSchedule(tx, { name: 'x', toolId: tool, intervalMonths: 12, startsOn: today }))).toMatchObject({ error: { code: 'FORBIDDEN' } })
    const made = await t.tenant(leader, (tx) => createSchedule(tx, { name: '発電機 年次点検', kind: 'inspection', toolId: tool, intervalMonths: '12', startsOn: '2026/4/1' }))
    expect(made).toMatchObject({ ok: true, data: { name: '発電機 年次点検', intervalMonths: 12, startsOn: '2026-04-01', usesColor: false, categoryId: null } })
    if (!made.ok) return
    const paused = await t.tenant(leader, (tx) => updateSchedule(tx, { id: made.data.id, isActive: 'false', intervalMonths: 6 }))
    expect(paused).toMatchObject({ ok: true, data: { isActive: false, intervalMonths: 6 } })
    expect(await t.tenant(leader, (tx) => updateSchedule(tx, { id: crypto.randomUUID(), name: 'x' }))).toMatchObject({ error: { code: 'NOT_FOUND' } })
    expect((await t.tenant(leader, (tx) => toolSchedules(tx, tool))).map((s) => s.id)).not.toContain(made.data.id)
  })

  it('a passed inspection moves the next due date, stamps the month’s colour, and the schedule’s counts follow', async () => {
    const tool = await newTool('点検するドリル')
    const made = await t.tenant(leader, (tx) =>
      createSchedule(tx, { name: '月例点検テスト', kind: 'inspection', categoryId: power!.id, intervalMonths: 1, startsOn: '2020-01-01', usesColor: 'on' }),
    )
    if (!made.ok) throw new Error(made.error.code)
    const before = (await t.tenant(viewer, (tx) => toolSchedules(tx, tool))).find((s) => s.id === made.data.id)!
    expect(before.dueOn).toBe('2020-01-01')
    const failed = await t.tenant(staff, (tx) => recordInspection(tx, { toolId: tool, scheduleId: made.data.id, result: 'fail', note: 'コード損傷' }, { userId: staff.userId }))
    expect(failed).toMatchObject({ ok: true, data: { result: 'fail', performedOn: today, inspectorId: staff.userId } })
    expect((await t.tenant(viewer, (tx) => toolSchedules(tx, tool))).find((s) => s.id === made.data.id)!.dueOn).toBe('2020-01-01')
    const passed = await t.tenant(staff, (tx) => recordInspection(tx, { toolId: tool, scheduleId: made.data.id, result: 'pass' }, { userId: staff.userId }))
    if (!passed.ok) throw new Error(passed.error.code)
    const settings = await t.tenant(viewer, (tx) => getManagementSettings(tx))
    expect(passed.data.color).toBe(inspectionColor(settings, today).name)
    expect((await t.tenant(viewer, (tx) => toolSchedules(tx, tool))).find((s) => s.id === made.data.id)!.dueOn).toBe(addMonths(`${today.slice(0, 7)}-01`, 1))
    const listed = (await t.tenant(viewer, (tx) => listSchedules(tx, { today, soonDays: 14 }))).find((s) => s.id === made.data.id)!
    expect(listed).toMatchObject({ categoryName: '電動工具', usesColor: true, isActive: true })
    expect(listed.tools).toBeGreaterThan(listed.overdue)
    const history = await t.tenant(viewer, (tx) => listInspections(tx, { toolId: tool }))
    expect(history.map((h) => h.result)).toEqual(expect.arrayContaining(['pass', 'fail']))
    expect(history[0]).toMatchObject({ scheduleName: '月例点検テスト', inspectorName: '田中 次郎' })
  })

  it('refuses future dates, unknown tools and schedules, and viewers', async () => {
    const tool = await newTool()
    const future = await t.tenant(staff, (tx) => recordInspection(tx, { toolId: tool, performedOn: '2999-01-01', result: 'pass' }, { userId: staff.userId }))
    expect(future).toMatchObject({ error: { code: 'VALIDATION', fields: { performedOn: 'IN_FUTURE' } } })
    expect(await t.tenant(staff, (tx) => recordInspection(tx, { toolId: crypto.randomUUID(), result: 'pass' }, { userId: staff.userId }))).toMatchObject({ error: { code: 'NOT_FOUND' } })
    expect(await t.tenant(staff, (tx) => recordInspection(tx, { toolId: tool, scheduleId: crypto.randomUUID(), result: 'pass' }, { userId: staff.userId }))).toMatchObject({
      error: { code: 'SCHEDULE_NOT_FOUND' },
    })
    expect(await t.tenant(viewer, (tx) => recordInspection(tx, { toolId: tool, result: 'pass' }, { userId: viewer.userId }))).toMatchObject({ error: { code: 'FORBIDDEN' } })
    const plain = await t.tenant(staff, (tx) => recordInspection(tx, { toolId: tool, scheduleId: '', performedOn: '2026-01-05', result: 'pass' }, { userId: staff.userId }))
    expect(plain).toMatchObject({ ok: true, data: { scheduleId: null, color: null, performedOn: '2026-01-05' } })
  })

  it('lists categories and tool headers for the forms', async () => {
    const cats = await t.tenant(viewer, (tx) => categoryOptions(tx))
    expect(cats.map((c) => c.codePrefix).slice(0, 2)).toEqual(['A', 'B'])
    const tool = await newTool('見出し')
    expect(await t.tenant(viewer, (tx) => toolHeader(tx, tool))).toMatchObject({ name: '見出し', status: 'normal' })
    expect(await t.tenant(viewer, (tx) => toolHeader(tx, 'x'))).toBeNull()
    expect(await t.tenant(viewer, (tx) => toolHeader(tx, undefined))).toBeNull()
  })
})

describe('management settings', () => {
  it('the colour of a month is colours[(months since anchor) mod n], before the anchor too', () => {
    const s = defaultManagementSettings
    expect(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2025-12'].map((m) => inspectionColor(s, m).name)).toEqual(['緑', '黄', '赤', '白', '緑', '白'])
    expect(colorIndex('2027-03', '2026-11-01', 5)).toBe(4)
    expect(inspectionColor({ ...s, inspectionColors: [] }, '2026-02').name).toBe('黄')
  })

  it('owners and admins save them; others may not; bad input is refused', async () => {
    const input: ManagementSettingsInput = {
      longUnreturnedDays: '10',
      dueSoonDays: 30,
      inspectionColors: [
        { name: '青', hex: '#2563EB' },
        { name: '橙', hex: '#f97316' },
        { name: '紫', hex: '#7c3aed' },
      ],
      colorAnchorMonth: '2026-04',
      depreciationMethod: 'straight_line',
      fiscalYearEndMonth: 12,
      expenseThreshold: '300000',
      lumpSumThirds: 'on',
    }
    const saved = await t.tenant(admin, (tx) => updateManagementSettings(tx, input))
    expect(saved).toMatchObject({ ok: true, data: { longUnreturnedDays: 10, colorAnchorMonth: '2026-04-01', expenseThreshold: 300_000, lumpSumThirds: true } })
    const read = await t.tenant(viewer, (tx) => getManagementSettings(tx))
    expect(read.inspectionColors[0]).toEqual({ name: '青', hex: '#2563eb' })
    expect(inspectionColor(read, '2026-06').name).toBe('紫')
    expect(await t.tenant(leader, (tx) => updateManagementSettings(tx, input))).toMatchObject({ error: { code: 'FORBIDDEN' } })
    expect(await t.tenant(admin, (tx) => updateManagementSettings(tx, { ...input, expenseThreshold: 50_000, inspectionColors: [] }))).toMatchObject({
      error: { code: 'VALIDATION', fields: { expenseThreshold: 'INVALID_CHOICE', inspectionColors: 'REQUIRED' } },
    })
    expect(await t.tenant(t.as('sakura-denki', 'viewer'), (tx) => getManagementSettings(tx))).toMatchObject({ longUnreturnedDays: 10, depreciationMethod: 'declining_balance' })
  })

  it('a company that never saved any gets the defaults', async () => {
    await t.admin(`delete from management_settings where organization_id = $1`, [B.id])
    expect(await t.tenant(t.as('sakura-denki', 'viewer'), (tx) => getManagementSettings(tx))).toEqual(defaultManagementSettings)
  })
})
