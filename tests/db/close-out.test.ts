import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeSite } from '@/lib/locations/commands'
import { forceCloseSite, remindHolders, siteCloseOut, toolsLeftAt } from '@/lib/locations/close-out'
import { applyMove } from '@/lib/movements/commands'
import { openTestDb } from '../support/db'

const t = await openTestDb()
afterAll(() => t.close())

const A = t.company('demo')
const B = t.company('sakura-denki')
const owner = t.as('demo', 'owner')
const admin = t.as('demo', 'admin')
const leader = t.as('demo', 'leader')
const staff = t.as('demo', 'staff')

const one = async <T = { id: string }>(text: string, params: unknown[]) => (await t.admin<T>(text, params))[0]!
let site: string
let home: string
let drill: string
let tape: string

beforeAll(async () => {
  home = (await one(`select id from locations where organization_id = $1 and type = 'warehouse' order by name limit 1`, [A.id])).id
  site = (await one(`insert into locations (organization_id, type, name, starts_on) values ($1, 'site', '撤収テスト現場', '2026-01-01') returning id`, [A.id])).id
  const [cat] = await t.admin<{ id: string }>(`select id from tool_categories where organization_id = $1 order by code_prefix limit 1`, [A.id])
  drill = (await one(`insert into tools (organization_id, category_id, name, current_location_id) values ($1, $2, '撤収テスト用ドリル', $3) returning id`, [A.id, cat!.id, home])).id
  tape = (
    await one(`insert into tools (organization_id, category_id, name, current_location_id, management_type, current_quantity, unit) values ($1, $2, '撤収テスト用テープ', $3, 'quantity', 20, '巻') returning id`, [
      A.id,
      cat!.id,
      home,
    ])
  ).id
  // The staff member takes the drill, the leader 5 rolls of tape.
  const out1 = await t.tenant(staff, (tx) => applyMove(tx, { toolId: drill, action: 'checkout', toLocationId: site }, { userId: staff.userId }))
  const out2 = await t.tenant(leader, (tx) => applyMove(tx, { toolId: tape, action: 'checkout', toLocationId: site, quantity: 5 }, { userId: leader.userId }))
  if (!out1.ok || !out2.ok) throw new Error('setup moves')
})

describe('site close-out', () => {
  it('lists every tool still there with its holder: individual tools and units of quantity tools', async () => {
    const found = await t.tenant(leader, (tx) => siteCloseOut(tx, site))
    expect(found!.site.name).toBe('撤収テスト現場')
    expect(found!.items.map((i) => ({ name: i.name, quantity: i.quantity, holder: i.holderName }))).toEqual([
      { name: '撤収テスト用ドリル', quantity: 1, holder: '田中 次郎' },
      { name: '撤収テスト用テープ', quantity: 5, holder: '鈴木 一郎' },
    ])
    expect(found!.items.every((i) => typeof i.since === 'number')).toBe(true)
    expect(await t.tenant(leader, (tx) => siteCloseOut(tx, home))).toBeNull()
    expect(await t.tenant(leader, (tx) => siteCloseOut(tx, 'nope'))).toBeNull()
    expect(await t.tenant(t.as('sakura-denki', 'owner'), (tx) => siteCloseOut(tx, site))).toBeNull()
  })

  it('the ordinary close is refused while anything is there', async () => {
    const refused = await t.tenant(leader, (tx) => closeSite(tx, { id: site }))
    expect(refused).toMatchObject({ ok: false, error: { code: 'SITE_HAS_TOOLS' } })
  })

  it('asks each holder to bring things back (leaders and up), in the bell', async () => {
    expect(await t.tenant(staff, (tx) => remindHolders(tx, { id: site }))).toMatchObject({ error: { code: 'FORBIDDEN' } })
    const asked = await t.tenant(leader, (tx) => remindHolders(tx, { id: site }))
    if (!asked.ok) throw new Error(asked.error.code)
    expect(asked.data.told.map((x) => [x.name, x.count]).sort()).toEqual([
      ['田中 次郎', 1],
      ['鈴木 一郎', 1],
    ])
    // Staff get the closed-site mail by default; leaders too.
    expect(asked.data.told.every((x) => x.email?.endsWith('@demo.genba.test'))).toBe(true)
    const bell = await t.admin<{ user_id: string; kind: string; link: string }>(`select user_id, kind, link from notifications where kind = 'returnRequested' and organization_id = $1`, [A.id])
    expect(bell.map((b) => b.user_id).sort()).toEqual([staff.userId, leader.userId].sort())
    expect(bell.find((b) => b.user_id === staff.userId)!.link).toBe(`/tools?locationId=${site}&holderId=${staff.userId}`)
    expect(await t.tenant(leader, (tx) => remindHolders(tx, { id: crypto.randomUUID() }))).toMatchObject({ error: { code: 'NOT_FOUND' } })
  })

  it('only owners and admins close it anyway, with a reason that is audited; holders are told', async () => {
    expect(await t.tenant(leader, (tx) => forceCloseSite(tx, { id: site, reason: '工期終了' }))).toMatchObject({ error: { code: 'FORBIDDEN' } })
    expect(await t.tenant(admin, (tx) => forceCloseSite(tx, { id: site, reason: '  ' }))).toMatchObject({ error: { code: 'VALIDATION', fields: { reason: 'REQUIRED' } } })
    expect(await t.tenant(admin, (tx) => forceCloseSite(tx, { id: site, reason: 'x', endsOn: '2025-12-31' }))).toMatchObject({
      error: { code: 'VALIDATION', fields: { endsOn: 'ENDS_BEFORE_START' } },
    })
    const closed = await t.tenant(owner, (tx) => forceCloseSite(tx, { id: site, reason: '元請の指示で本日撤収。残りは明日回収', endsOn: '2026-11-20' }))
    if (!closed.ok) throw new Error(closed.error.code)
    expect(closed.data.site).toMatchObject({ isActive: false, endsOn: '2026-11-20' })
    expect(closed.data.left).toHaveLength(2)
    expect(closed.data.told).toHaveLength(2)
    const audit = await t.admin<{ action: string; reason: string | null; new_value: Record<string, unknown>; user_id: string }>(
      `select action, reason, new_value, user_id from audit_logs where organization_id = $1 and table_name = 'locations' and record_id = $2 order by seq`,
      [A.id, site],
    )
    const update = audit.find((a) => a.action === 'update')!
    expect(update).toMatchObject({ reason: '元請の指示で本日撤収。残りは明日回収', user_id: owner.userId })
    expect(update.new_value).toMatchObject({ is_active: false })
    const event = audit.find((a) => a.action === 'site.force_closed')!
    expect(event.new_value).toMatchObject({ reason: '元請の指示で本日撤収。残りは明日回収', left: [{ toolId: drill, quantity: 1 }, { toolId: tape, quantity: 5 }] })
    expect(await t.admin(`select 1 from notifications where kind = 'siteClosed' and organization_id = $1`, [A.id])).toHaveLength(2)
    // The reason does not stick to later writes of the same transaction (the holders' notifications).
    const told = await t.admin<{ reason: string | null }>(
      `select reason from audit_logs where organization_id = $1 and table_name = 'notifications' and new_value ->> 'kind' = 'siteClosed'`,
      [A.id],
    )
    expect(told.map((r) => r.reason)).toEqual([null, null])
    expect(await t.tenant(owner, (tx) => forceCloseSite(tx, { id: site, reason: 'again' }))).toMatchObject({ error: { code: 'SITE_ALREADY_CLOSED' } })
  })

  it('what was left can still be brought back from the closed site', async () => {
    const back = await t.tenant(staff, (tx) => applyMove(tx, { toolId: drill, action: 'checkin', toLocationId: home }, { userId: staff.userId }))
    expect(back.ok).toBe(true)
    expect((await t.tenant(staff, (tx) => toolsLeftAt(tx, site))).map((i) => i.name)).toEqual(['撤収テスト用テープ'])
  })

  it('a site emptied by moves closes the ordinary way', async () => {
    const empty = (await one(`insert into locations (organization_id, type, name) values ($1, 'site', '空の現場') returning id`, [A.id])).id
    expect(await t.tenant(leader, (tx) => siteCloseOut(tx, empty))).toMatchObject({ items: [] })
    expect(await t.tenant(leader, (tx) => closeSite(tx, { id: empty }))).toMatchObject({ ok: true, data: { isActive: false } })
    expect(B.id).not.toBe(A.id)
  })
})
