import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { alertLinks, dueQuery, longUnreturnedQuery, lowStockQuery } from '@/lib/alerts/links'
import { dueAlerts, longUnreturnedAlert, lowStockAlert, openRepairsAlert } from '@/lib/alerts/queries'
import { addDays } from '@/lib/alerts/dates'
import { dashboard } from '@/lib/dashboard/queries'
import { getManagementSettings } from '@/lib/maintenance/settings'
import { countTools, listTools } from '@/lib/tools/queries'
import { parseToolListSearchParams } from '@/lib/tools/search-params'
import { openTestDb } from '../support/db'

/*
 * Each alert against hand-built fixtures: the register of both demo companies is emptied, then each company gets
 * tools placed just inside and just outside every alert's rule. Each alert must name exactly the expected tools,
 * for each company alone, and the tool list behind its link must show the same tools.
 */

const t = await openTestDb()
afterAll(() => t.close())

const A = t.company('demo')
const B = t.company('sakura-denki')
const viewerA = t.as('demo', 'viewer')
const viewerB = t.as('sakura-denki', 'viewer')
/** A fixed "today" for due dates, so the test means the same on any day. */
const TODAY = '2030-06-10'

interface Fixture {
  warehouse: string
  site: string
  power: string
  measuring: string
  leader: string
  /** Fixture name → tool id. */
  tool: Record<string, string>
}
const fx: Record<string, Fixture> = {}

const one = async <T = { id: string }>(text: string, params: unknown[]) => (await t.admin<T>(text, params))[0]!

async function addTool(org: string, f: Fixture, name: string, v: Record<string, unknown> = {}) {
  const row = await one(
    `insert into tools (organization_id, category_id, name, current_location_id, current_holder_id, management_type, current_quantity, min_stock_alert,
       unit, status, disposed_on, disposal_reason, last_moved_at, created_at, custom_fields, deleted_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, coalesce($14, now()), coalesce($15, '{}')::jsonb, $16) returning id`,
    [
      org,
      v.category ?? f.power,
      name,
      v.at ?? f.warehouse,
      v.holder ?? null,
      v.qty === undefined ? 'individual' : 'quantity',
      v.qty ?? null,
      v.min ?? null,
      v.qty === undefined ? null : '個',
      v.status ?? 'normal',
      v.status === 'disposed' ? '2030-01-01' : null,
      v.status === 'disposed' ? '廃棄' : null,
      v.movedDaysAgo === undefined ? null : new Date(Date.now() - (v.movedDaysAgo as number) * 86_400_000),
      v.createdDaysAgo === undefined ? null : new Date(Date.now() - (v.createdDaysAgo as number) * 86_400_000),
      v.fields ? JSON.stringify(v.fields) : null,
      v.deleted ? new Date() : null,
    ],
  )
  f.tool[name] = row.id
  return row.id
}

async function inspect(org: string, f: Fixture, schedule: string, tool: string, on: string, result: 'pass' | 'fail' = 'pass') {
  await t.admin(`insert into inspection_records (organization_id, tool_id, schedule_id, performed_on, result, inspector_id) values ($1, $2, $3, $4, $5, $6)`, [
    org,
    f.tool[tool],
    schedule,
    on,
    result,
    f.leader,
  ])
}

async function fixtures(org: string, members: { role: string; userId: string }[], tag: string) {
  await t.admin(`delete from tools where organization_id = $1`, [org])
  await t.admin(`delete from inspection_schedules where organization_id = $1`, [org])
  const place = (type: string) => one(`select id from locations where organization_id = $1 and type = $2 and is_active order by name limit 1`, [org, type])
  const category = (prefix: string) => one(`select id from tool_categories where organization_id = $1 and code_prefix = $2`, [org, prefix])
  const f: Fixture = {
    warehouse: (await place('warehouse')).id,
    site: (await place('site')).id,
    power: (await category('A')).id,
    measuring: (await category('C')).id,
    leader: members.find((m) => m.role === 'leader')!.userId,
    tool: {},
  }
  fx[org] = f
  // Low stock: at or under the threshold, quantity-managed, in use.
  await addTool(org, f, `${tag}在庫ちょうど`, { qty: 5, min: 5 })
  await addTool(org, f, `${tag}在庫ゼロ`, { qty: 0, min: 0 })
  await addTool(org, f, `${tag}在庫あり`, { qty: 6, min: 5 })
  await addTool(org, f, `${tag}閾値なし`, { qty: 0 })
  await addTool(org, f, `${tag}廃棄済み在庫`, { qty: 1, min: 5, status: 'disposed' })
  await addTool(org, f, `${tag}ゴミ箱の在庫`, { qty: 1, min: 5, deleted: true })
  // Long unreturned: individual tools on a site since long enough (A: 7 days, B: 10 days).
  await addTool(org, f, `${tag}現場8日`, { at: f.site, holder: f.leader, movedDaysAgo: 8 })
  await addTool(org, f, `${tag}現場11日`, { at: f.site, holder: f.leader, movedDaysAgo: 11 })
  await addTool(org, f, `${tag}現場6日`, { at: f.site, movedDaysAgo: 6 })
  await addTool(org, f, `${tag}倉庫30日`, { movedDaysAgo: 30 })
  await addTool(org, f, `${tag}現場移動記録なし`, { at: f.site, createdDaysAgo: 40 })
  await addTool(org, f, `${tag}現場廃棄`, { at: f.site, movedDaysAgo: 30, status: 'disposed' })
  await addTool(org, f, `${tag}現場の数量品`, { at: f.site, qty: 3, movedDaysAgo: 30 })
  // Due dates in custom fields marked as due dates (next_calibration in both companies).
  const cal = (date: string) => ({ category: f.measuring, fields: { next_calibration: date } })
  await addTool(org, f, `${tag}校正切れ`, cal(addDays(TODAY, -1)))
  await addTool(org, f, `${tag}校正今日`, cal(TODAY))
  await addTool(org, f, `${tag}校正14日後`, cal(addDays(TODAY, 14)))
  await addTool(org, f, `${tag}校正15日後`, cal(addDays(TODAY, 15)))
  await addTool(org, f, `${tag}校正廃棄`, { ...cal(addDays(TODAY, -30)), status: 'disposed' })
  await addTool(org, f, `${tag}校正日なし`, { category: f.measuring })
  // Inspection schedules: monthly with colours for the power-tool category, yearly for one tool, one inactive.
  const monthly = await one(
    `insert into inspection_schedules (organization_id, name, category_id, interval_months, starts_on, uses_color) values ($1, '月例点検', $2, 1, '2030-06-20', true) returning id`,
    [org, f.power],
  )
  const yearly = await addTool(org, f, `${tag}コンプレッサ`, { category: f.measuring })
  const yearlySchedule = await one(
    `insert into inspection_schedules (organization_id, name, tool_id, interval_months, starts_on) values ($1, '年次点検', $2, 12, '2020-01-01') returning id`,
    [org, yearly],
  )
  await one(`insert into inspection_schedules (organization_id, name, category_id, interval_months, starts_on, is_active) values ($1, '休止中', $2, 1, '2020-01-01', false) returning id`, [
    org,
    f.measuring,
  ])
  await addTool(org, f, `${tag}先月点検`)
  await inspect(org, f, monthly.id, `${tag}先月点検`, '2030-05-03')
  await addTool(org, f, `${tag}今月点検`)
  await inspect(org, f, monthly.id, `${tag}今月点検`, '2030-06-02')
  await addTool(org, f, `${tag}点検不合格`)
  await inspect(org, f, monthly.id, `${tag}点検不合格`, '2030-04-02')
  await inspect(org, f, monthly.id, `${tag}点検不合格`, '2030-06-02', 'fail')
  await inspect(org, f, yearlySchedule.id, `${tag}コンプレッサ`, '2029-06-15')
  await t.admin(`insert into repair_records (organization_id, tool_id, status, reported_by, problem) values ($1, $2, 'reported', $3, '動かない'), ($1, $4, 'in_repair', $3, '異音'), ($1, $4, 'done', $3, '前回')`, [
    org,
    f.tool[`${tag}現場8日`],
    f.leader,
    f.tool[`${tag}今月点検`],
  ])
  return { monthly: monthly.id, yearly: yearlySchedule.id }
}

const schedules: Record<string, { monthly: string; yearly: string }> = {}

beforeAll(async () => {
  schedules[A.id] = await fixtures(A.id, A.members, 'A:')
  schedules[B.id] = await fixtures(B.id, B.members, 'B:')
  await t.admin(`update management_settings set long_unreturned_days = 7, due_soon_days = 14 where organization_id = $1`, [A.id])
  await t.admin(`update management_settings set long_unreturned_days = 10, due_soon_days = 14 where organization_id = $1`, [B.id])
})

const names = (items: { name: string }[]) => items.map((i) => i.name).sort()
const expected = (tag: string, list: string[]) => list.map((n) => tag + n).sort()

/** Every tool the tool list shows for a link (all pages). */
async function listed(ctx: typeof viewerA, link: string) {
  const query = parseToolListSearchParams(new URLSearchParams(link.split('?')[1]))
  const page = await t.tenant(ctx, (tx) => listTools(tx, { ...query, limit: 200 }))
  const count = await t.tenant(ctx, (tx) => countTools(tx, query))
  expect(count).toBe(page.items.length)
  return names(page.items)
}

describe.each([
  { label: 'demo', ctx: viewerA, tag: 'A:', org: A.id, days: 7 },
  { label: 'sakura-denki', ctx: viewerB, tag: 'B:', org: B.id, days: 10 },
])('$label alone', ({ ctx, tag, org, days }) => {
  const settings = { longUnreturnedDays: days, dueSoonDays: 14 }

  it('low stock: quantity at or under the threshold, in use, nothing else; the list behind it agrees', async () => {
    const alert = await t.tenant(ctx, (tx) => lowStockAlert(tx, { limit: 50 }))
    expect(names(alert.items)).toEqual(expected(tag, ['在庫ちょうど', '在庫ゼロ']))
    expect(alert.count).toBe(2)
    expect(alert.items[0]).toMatchObject({ quantity: 0, threshold: 0, unit: '個' })
    expect(alertLinks.lowStock()).toBe('/tools?lowStock=1')
    expect(await listed(ctx, alertLinks.lowStock())).toEqual(names(alert.items))
    expect(lowStockQuery()).toEqual({ lowStock: true })
  })

  it(`long unreturned: individual tools on a site for ${days}+ days, with place, holder and days`, async () => {
    const alert = await t.tenant(ctx, (tx) => longUnreturnedAlert(tx, { settings, limit: 50 }))
    const want = days === 7 ? ['現場8日', '現場11日', '現場移動記録なし'] : ['現場11日', '現場移動記録なし']
    expect(names(alert.items)).toEqual(expected(tag, want))
    expect(alert.count).toBe(want.length)
    // Longest first.
    expect(alert.items[0]!.name).toBe(`${tag}現場移動記録なし`)
    expect(alert.items.find((i) => i.name === `${tag}現場11日`)).toMatchObject({ days: 11, holderId: fx[org]!.leader, locationId: fx[org]!.site })
    const link = alertLinks.longUnreturned(days)
    expect(link).toBe(`/tools?onSiteDays=${days}`)
    expect(await listed(ctx, link)).toEqual(names(alert.items))
    expect(longUnreturnedQuery(days)).toEqual({ onSiteDays: days })
  })

  it('long unreturned for one holder: only the tools they hold', async () => {
    const alert = await t.tenant(ctx, (tx) => longUnreturnedAlert(tx, { settings, holderId: fx[org]!.leader, limit: 50 }))
    expect(names(alert.items)).toEqual(expected(tag, days === 7 ? ['現場8日', '現場11日'] : ['現場11日']))
  })

  it('due dates from fields: overdue before today, due soon within the window; each link lists exactly them', async () => {
    const groups = await t.tenant(ctx, (tx) => dueAlerts(tx, { today: TODAY, settings, limit: 50 }))
    const field = groups.find((g) => g.source === 'field' && g.key === 'next_calibration')!
    expect(field.label).toBe('次回校正日')
    expect({ overdue: field.overdue, soon: field.soon }).toEqual({ overdue: 1, soon: 2 })
    expect(field.items.map((i) => i.name)).toEqual([`${tag}校正切れ`, `${tag}校正今日`, `${tag}校正14日後`])
    expect(field.items[0]!.dueOn).toBe(addDays(TODAY, -1))
    expect(await listed(ctx, alertLinks.due(field, 'overdue', TODAY, 14))).toEqual([`${tag}校正切れ`])
    expect(await listed(ctx, alertLinks.due(field, 'soon', TODAY, 14))).toEqual(expected(tag, ['校正今日', '校正14日後']))
    expect(dueQuery(field, 'overdue', TODAY, 14)).toEqual({ fields: [{ key: 'next_calibration', op: 'to', value: '2030-06-09' }] })
  })

  it('due dates from schedules: colour months, failed inspections, never inspected, tool schedules; inactive ones ignored', async () => {
    const groups = await t.tenant(ctx, (tx) => dueAlerts(tx, { today: TODAY, settings, limit: 50 }))
    const monthly = groups.find((g) => g.key === schedules[org]!.monthly)!
    expect(monthly).toMatchObject({ source: 'schedule', label: '月例点検', kind: 'inspection', overdue: 2 })
    // May's tag expired on 1 June; April's pass (June's failed) on 1 May; the never-inspected ones are due on 20 June.
    const byName = Object.fromEntries(monthly.items.map((i) => [i.name, i.dueOn]))
    expect(byName[`${tag}先月点検`]).toBe('2030-06-01')
    expect(byName[`${tag}点検不合格`]).toBe('2030-05-01')
    expect(byName[`${tag}今月点検`]).toBeUndefined()
    const neverInspected = Object.entries(byName).filter(([, d]) => d === '2030-06-20').map(([n]) => n)
    expect(neverInspected).toContain(`${tag}現場8日`)
    expect(neverInspected).not.toContain(`${tag}在庫ちょうど`)
    expect(monthly.soon).toBe(neverInspected.length)
    const yearly = groups.find((g) => g.key === schedules[org]!.yearly)!
    expect(yearly.items).toEqual([expect.objectContaining({ name: `${tag}コンプレッサ`, dueOn: '2030-06-15' })])
    expect({ overdue: yearly.overdue, soon: yearly.soon }).toEqual({ overdue: 0, soon: 1 })
    expect(groups.some((g) => g.label === '休止中')).toBe(false)
    expect(await listed(ctx, alertLinks.due(monthly, 'overdue', TODAY, 14))).toEqual(expected(tag, ['先月点検', '点検不合格']))
    expect(await listed(ctx, alertLinks.due(monthly, 'soon', TODAY, 14))).toEqual([...neverInspected].sort())
    expect(await listed(ctx, alertLinks.due(yearly, 'soon', TODAY, 14))).toEqual([`${tag}コンプレッサ`])
    expect(dueQuery(yearly, 'soon', TODAY, 14)).toEqual({ scheduleId: yearly.key, dueFrom: TODAY, dueTo: '2030-06-24' })
  })

  it('open repairs: reported and in repair counted, done left out', async () => {
    const alert = await t.tenant(ctx, (tx) => openRepairsAlert(tx))
    expect({ reported: alert.reported, inRepair: alert.inRepair }).toEqual({ reported: 1, inRepair: 1 })
    expect(alert.items.map((i) => i.toolName).sort()).toEqual(expected(tag, ['今月点検', '現場8日']))
  })

  it('the dashboard reads the same alerts with the company settings, and sees no other company', async () => {
    const board = await t.tenant(ctx, async (tx) => dashboard(tx, { today: TODAY, settings: await getManagementSettings(tx), limit: 50 }))
    expect(board.alerts.longUnreturned.count).toBe(days === 7 ? 3 : 2)
    const all = [
      ...board.alerts.lowStock.items,
      ...board.alerts.longUnreturned.items,
      ...board.alerts.due.flatMap((g) => g.items),
      ...board.sites.map((s) => ({ name: s.name })),
    ]
    expect(all.filter((i) => i.name.startsWith(tag === 'A:' ? 'B:' : 'A:'))).toEqual([])
    expect(board.company.name).toBe(tag === 'A:' ? 'デモ建設株式会社' : 'さくら電気工事株式会社')
  })
})

describe('the filters behind the alerts', () => {
  it('round-trip through the URL and drop bad values', () => {
    const scheduleId = '0b9c1d5e-3f62-4a57-9d0a-6a1c2b3d4e5f'
    const link = alertLinks.due({ source: 'schedule', key: scheduleId }, 'soon', '2030-06-10', 14)
    expect(link).toBe(`/tools?scheduleId=${scheduleId}&dueFrom=2030-06-10&dueTo=2030-06-24`)
    const parsed = parseToolListSearchParams({ onSiteDays: '7', scheduleId, dueFrom: '2030/6/10', dueTo: 'soon' })
    expect(parsed).toMatchObject({ onSiteDays: 7, scheduleId, dueFrom: '2030-06-10' })
    expect(parsed.dueTo).toBeUndefined()
    expect(parseToolListSearchParams({ onSiteDays: '0' }).onSiteDays).toBeUndefined()
    expect(alertLinks.site('0b9c1d5e-3f62-4a57-9d0a-6a1c2b3d4e5f')).toBe('/tools?locationId=0b9c1d5e-3f62-4a57-9d0a-6a1c2b3d4e5f')
    expect(alertLinks.repairs()).toBe('/maintenance?status=open')
  })
})
