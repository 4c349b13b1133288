import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDb } from '@/lib/db'
import { closeSite } from '@/lib/locations/commands'
import { applyMove, applyMoves } from '@/lib/movements/commands'
import { listMovements, parseMovementSearchParams, recentLocationIds, stockAway } from '@/lib/movements/queries'
import { syncMoves } from '@/lib/movements/sync'
import { openTestDb, outcome, query, sql } from '../support/db'

const t = await openTestDb()
setDb(t.db)
afterAll(async () => {
  setDb(undefined)
  await t.close()
})

const A = t.company('demo')
const B = t.company('sakura-denki')
const staff = t.as('demo', 'staff')
const leader = t.as('demo', 'leader')

interface Place {
  id: string
  name: string
  type: 'warehouse' | 'site'
  is_active: boolean
}
let places: Place[]
let site1: Place, site2: Place, home: Place, closed: Place
const place = (orgId: string) =>
  t.admin<Place>(`select id, name, type, is_active from locations where organization_id = $1 and deleted_at is null order by type, name`, [orgId])

/** A fresh individual tool of company A at `at` (the register's own command is not under test here). */
async function newTool(at: string, extra: Record<string, unknown> = {}) {
  const [cat] = await t.admin<{ id: string }>(`select id from tool_categories where organization_id = $1 order by code_prefix limit 1`, [A.id])
  const [row] = await t.admin<{ id: string }>(
    `insert into tools (organization_id, category_id, name, current_location_id, management_type, current_quantity, unit)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [A.id, cat!.id, extra.name ?? 'テスト用インパクトドライバ', at, extra.type ?? 'individual', extra.qty ?? null, extra.unit ?? null],
  )
  return row!.id
}

const toolRow = (id: string) =>
  t.admin<{ current_location_id: string; current_holder_id: string | null; current_quantity: number | null; last_moved_at: Date | null }>(
    `select current_location_id, current_holder_id, current_quantity, last_moved_at from tools where id = $1`,
    [id],
  ).then((r) => r[0]!)

beforeAll(async () => {
  places = await place(A.id)
  home = places.find((p) => p.type === 'warehouse')!
  const open = places.filter((p) => p.type === 'site' && p.is_active)
  ;[site1, site2] = [open[0]!, open[1]!]
  closed = places.find((p) => p.type === 'site' && !p.is_active)!
})

describe('individual tools', () => {
  it('checkout takes a tool to a site with me as holder, in the same transaction as the movement', async () => {
    const tool = await newTool(home.id)
    const r = await t.tenant(staff, (tx) => applyMove(tx, { toolId: tool, action: 'checkout', toLocationId: site1.id }, { userId: staff.userId }))
    expect(r).toMatchObject({ ok: true, data: { action: 'checkout', fromLocationId: home.id, toLocationId: site1.id, holderId: staff.userId, quantity: 1 } })
    expect(await toolRow(tool)).toMatchObject({ current_location_id: site1.id, current_holder_id: staff.userId })
    const [m] = await t.admin(`select movement_type, user_id, from_location_id, to_location_id from tool_movements where tool_id = $1`, [tool])
    expect(m).toEqual({ movement_type: 'checkout', user_id: staff.userId, from_location_id: home.id, to_location_id: site1.id })
  })

  it('transfer and checkin follow, checkin clears the holder; another holder can be named', async () => {
    const tool = await newTool(home.id)
    const other = A.members.find((m) => m.role === 'leader')!.userId
    await t.tenant(staff, (tx) => applyMove(tx, { toolId: tool, action: 'checkout', toLocationId: site1.id, holderId: other }, { userId: staff.userId }))
    expect((await toolRow(tool)).current_holder_id).toBe(other)
    await t.tenant(staff, (tx) => applyMove(tx, { toolId: tool, action: 'transfer', toLocationId: site2.id }, { userId: staff.userId }))
    await t.tenant(staff, (tx) => applyMove(tx, { toolId: tool, action: 'checkin', toLocationId: home.id }, { userId: staff.userId }))
    expect(await toolRow(tool)).toMatchObject({ current_location_id: home.id, current_holder_id: null })
    const types = await t.admin<{ movement_type: string }>(`select movement_type from tool_movements where tool_id = $1 order by moved_at`, [tool])
    expect(types.map((r) => r.movement_type)).toEqual(['checkout', 'transfer', 'checkin'])
  })

  it('refuses what cannot be, with a code, changing nothing', async () => {
    const tool = await newTool(home.id)
    const move = (input: Record<string, unknown>) => t.tenant(staff, (tx) => applyMove(tx, { toolId: tool, ...input } as never, { userId: staff.userId }))
    expect((await move({ action: 'checkout', toLocationId: home.id })).ok && 'x').toBe(false)
    expect(await move({ action: 'checkout', toLocationId: places.filter((p) => p.type === 'warehouse')[1]?.id ?? home.id })).toMatchObject({ ok: false, error: { code: 'SITE_REQUIRED' } })
    expect(await move({ action: 'checkin', toLocationId: site1.id })).toMatchObject({ ok: false, error: { code: 'WAREHOUSE_REQUIRED' } })
    expect(await move({ action: 'checkout', toLocationId: closed.id })).toMatchObject({ ok: false, error: { code: 'LOCATION_CLOSED' } })
    expect(await move({ action: 'transfer', toLocationId: home.id })).toMatchObject({ ok: false, error: { code: 'ALREADY_THERE' } })
    expect(await move({ action: 'checkout' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { toLocationId: 'REQUIRED' } } })
    expect(await move({ action: 'checkout', toLocationId: 'not-a-uuid' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const bSite = (await place(B.id)).find((p) => p.type === 'site')!
    expect(await move({ action: 'checkout', toLocationId: bSite.id })).toMatchObject({ ok: false, error: { code: 'LOCATION_NOT_FOUND' } })
    expect(await t.admin(`select 1 from tool_movements where tool_id = $1`, [tool])).toHaveLength(0)
    expect((await toolRow(tool)).current_location_id).toBe(home.id)
  })

  it("answers TOOL_NOT_FOUND for another company's tool, a deleted one, or a made-up id", async () => {
    const [bTool] = await t.admin<{ id: string }>(`select id from tools where organization_id = $1 limit 1`, [B.id])
    const deleted = await newTool(home.id)
    await t.admin(`update tools set deleted_at = now() where id = $1`, [deleted])
    for (const toolId of [bTool!.id, deleted, crypto.randomUUID()]) {
      expect(await t.tenant(staff, (tx) => applyMove(tx, { toolId, action: 'checkout', toLocationId: site1.id }, { userId: staff.userId }))).toMatchObject({
        ok: false,
        error: { code: 'TOOL_NOT_FOUND' },
      })
    }
  })

  it('refuses to move a disposed tool', async () => {
    const tool = await newTool(home.id)
    await t.admin(`update tools set status = 'disposed', disposed_on = current_date, disposal_reason = '破損' where id = $1`, [tool])
    expect(await t.tenant(staff, (tx) => applyMove(tx, { toolId: tool, action: 'checkout', toLocationId: site1.id }, { userId: staff.userId }))).toMatchObject({
      ok: false,
      error: { code: 'TOOL_DISPOSED' },
    })
  })

  it('refuses an offline move older than the tool’s latest move (MOVED_LATER)', async () => {
    const tool = await newTool(home.id)
    const now = Date.now()
    await t.tenant(leader, (tx) => applyMove(tx, { toolId: tool, action: 'checkout', toLocationId: site1.id, movedAt: new Date(now - 60_000).toISOString() }, { userId: leader.userId }))
    const stale = await t.tenant(staff, (tx) =>
      applyMove(tx, { toolId: tool, action: 'checkout', toLocationId: site2.id, movedAt: new Date(now - 3_600_000).toISOString() }, { userId: staff.userId }),
    )
    expect(stale).toMatchObject({ ok: false, error: { code: 'MOVED_LATER' } })
    expect((await toolRow(tool)).current_location_id).toBe(site1.id)
  })

  it('believes a device clock slightly ahead, but not one far in the future', async () => {
    const tool = await newTool(home.id)
    const future = new Date(Date.now() + 3 * 24 * 3600_000).toISOString()
    const r = await t.tenant(staff, (tx) => applyMove(tx, { toolId: tool, action: 'checkout', toLocationId: site1.id, movedAt: future }, { userId: staff.userId }))
    expect(r.ok && new Date(r.data.movedAt).getTime()).toBeLessThan(Date.now() + 60_000)
  })

  it('lets viewers move nothing', async () => {
    const tool = await newTool(home.id)
    const r = await t.tenant(t.as('demo', 'viewer'), (tx) => applyMove(tx, { toolId: tool, action: 'checkout', toLocationId: site1.id }, { userId: t.as('demo', 'viewer').userId }))
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await toolRow(tool)).current_location_id).toBe(home.id)
  })
})

describe('quantity tools', () => {
  it('move units between home and sites, never below zero', async () => {
    const tool = await newTool(home.id, { type: 'quantity', qty: 10, unit: '巻', name: '養生テープ' })
    const move = (input: Record<string, unknown>) => t.tenant(staff, (tx) => applyMove(tx, { toolId: tool, ...input } as never, { userId: staff.userId }))
    expect(await move({ action: 'checkout', toLocationId: site1.id, quantity: 6 })).toMatchObject({ ok: true, data: { quantity: 6, fromLocationId: home.id } })
    expect((await toolRow(tool)).current_quantity).toBe(4)
    expect(await move({ action: 'checkout', toLocationId: site2.id, quantity: 5 })).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_QUANTITY' } })
    expect((await toolRow(tool)).current_quantity).toBe(4)
    await move({ action: 'checkout', toLocationId: site2.id, quantity: 1 })
    // Two sites hold units: a return must say from where.
    expect(await move({ action: 'checkin', toLocationId: home.id, quantity: 1 })).toMatchObject({ ok: false, error: { code: 'FROM_REQUIRED' } })
    expect(await move({ action: 'checkin', toLocationId: home.id, fromLocationId: site1.id, quantity: 2 })).toMatchObject({ ok: true })
    expect(await move({ action: 'consume', fromLocationId: site1.id, quantity: 9 })).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_QUANTITY', details: { available: 4 } } })
    expect(await move({ action: 'consume', fromLocationId: site1.id, quantity: 4 })).toMatchObject({ ok: true, data: { toLocationId: null } })
    expect((await toolRow(tool)).current_quantity).toBe(5)
    expect(await t.tenant(staff, (tx) => stockAway(tx, tool))).toEqual([{ locationId: site2.id, locationName: site2.name, quantity: 1 }])
  })

  it('50 concurrent take-outs from a stock of 10 end at or above zero, with exactly the moves that fitted', async () => {
    const tool = await newTool(home.id, { type: 'quantity', qty: 10, unit: '箱', name: 'ビス 3.8×32' })
    // Each take-out is its own request (its own transaction, on Postgres its own connection), 1–3 boxes each.
    const items = Array.from({ length: 50 }, (_, i) => ({ clientId: crypto.randomUUID(), toolId: tool, action: 'checkout' as const, toLocationId: site1.id, quantity: 1 + (i % 3) }))
    const results = (await Promise.all(items.map((item) => syncMoves(staff, [item])))).map((r) => r[0]!)
    const applied = results.filter((r) => r.outcome === 'applied')
    const refused = results.filter((r) => r.outcome !== 'applied')
    const taken = applied.reduce((n, r) => n + (r.move as { quantity: number }).quantity, 0)
    const stock = (await toolRow(tool)).current_quantity!
    expect(applied.length).toBeGreaterThan(0)
    expect(stock).toBeGreaterThanOrEqual(0)
    expect(stock).toBe(10 - taken)
    // Every refusal says there was not enough, and truly did not fit: stock only went down after it.
    for (const r of refused) expect(r).toMatchObject({ outcome: 'refused', code: 'INSUFFICIENT_QUANTITY' })
    const asked = new Map(items.map((i) => [i.clientId, i.quantity]))
    for (const r of refused) expect(asked.get(r.clientId)!).toBeGreaterThan(stock)
    const [rows] = await t.admin<{ n: number; q: number }>(`select count(*)::int as n, coalesce(sum(quantity), 0)::int as q from tool_movements where tool_id = $1`, [tool])
    expect(rows).toEqual({ n: applied.length, q: taken })
    expect(await t.tenant(staff, (tx) => stockAway(tx, tool))).toEqual(taken ? [{ locationId: site1.id, locationName: site1.name, quantity: taken }] : [])
  })

  it('keeps a site with units on it from being closed', async () => {
    const tool = await newTool(home.id, { type: 'quantity', qty: 3, unit: '個' })
    const admin = t.as('demo', 'admin')
    const [site] = await t.admin<{ id: string }>(
      `insert into locations (organization_id, type, name) values ($1, 'site', '閉鎖テスト現場') returning id`,
      [A.id],
    )
    await t.tenant(staff, (tx) => applyMove(tx, { toolId: tool, action: 'checkout', toLocationId: site!.id, quantity: 1 }, { userId: staff.userId }))
    expect(await t.tenant(admin, (tx) => closeSite(tx, { id: site!.id }))).toMatchObject({ ok: false, error: { code: 'SITE_HAS_TOOLS' } })
    await t.tenant(staff, (tx) => applyMove(tx, { toolId: tool, action: 'consume', fromLocationId: site!.id, quantity: 1 }, { userId: staff.userId }))
    expect(await t.tenant(admin, (tx) => closeSite(tx, { id: site!.id }))).toMatchObject({ ok: true })
  })
})

describe('batch mode', () => {
  it('applies many moves in device-time order, each on its own', async () => {
    const [a, b, c] = [await newTool(home.id), await newTool(home.id), await newTool(home.id)]
    await t.admin(`update tools set status = 'disposed', disposed_on = current_date, disposal_reason = 'x' where id = $1`, [b])
    const base = Date.now() - 10_000
    const results = await t.tenant(staff, (tx) =>
      applyMoves(
        tx,
        [
          { toolId: a, action: 'checkin', toLocationId: home.id, movedAt: new Date(base + 2000).toISOString() },
          { toolId: b, action: 'checkout', toLocationId: site1.id, movedAt: new Date(base + 500).toISOString() },
          { toolId: c, action: 'checkout', toLocationId: site1.id, movedAt: new Date(base + 1000).toISOString() },
          { toolId: a, action: 'checkout', toLocationId: site1.id, movedAt: new Date(base).toISOString() },
        ],
        { userId: staff.userId, source: 'batch', batchId: crypto.randomUUID() },
      ),
    )
    // a: out first (device time), then back; b refused; c out.
    expect(results.map((r) => (r.result.ok ? 'ok' : r.result.error.code))).toEqual(['ok', 'TOOL_DISPOSED', 'ok', 'ok'])
    expect((await toolRow(a)).current_location_id).toBe(home.id)
    expect((await toolRow(c)).current_location_id).toBe(site1.id)
  })
})

describe('offline sync', () => {
  it('applies each queued move exactly once, also when the sync is sent twice', async () => {
    const tools3 = [await newTool(home.id), await newTool(home.id), await newTool(home.id)]
    const items = tools3.map((toolId, i) => ({ clientId: crypto.randomUUID(), toolId, action: 'checkout' as const, toLocationId: site1.id, movedAt: new Date(Date.now() - 5000 + i).toISOString() }))
    const first = await syncMoves(staff, items)
    const second = await syncMoves(staff, items)
    expect(first.map((r) => r.outcome)).toEqual(['applied', 'applied', 'applied'])
    expect(second.map((r) => r.outcome)).toEqual(['replayed', 'replayed', 'replayed'])
    expect(second.map((r) => r.move?.movementId)).toEqual(first.map((r) => r.move?.movementId))
    const [n] = await t.admin<{ n: number }>(`select count(*)::int as n from tool_movements where tool_id = any($1::uuid[])`, [tools3])
    expect(n!.n).toBe(3)
    const [ids] = await t.admin<{ n: number }>(`select count(*)::int as n from tool_movements where client_id = any($1::uuid[])`, [items.map((i) => i.clientId)])
    expect(ids!.n).toBe(3)
  })

  it('orders by the instant, not the text, when device times carry different offsets', async () => {
    const tool = await newTool(home.id)
    const base = Date.now() - 3 * 3600_000
    const jst = (ms: number) => new Date(ms + 9 * 3600_000).toISOString().replace('Z', '+09:00')
    // Out at base (written in JST), back an hour later (written in UTC): as text the return sorts first.
    const out = { clientId: crypto.randomUUID(), toolId: tool, action: 'checkout' as const, toLocationId: site1.id, movedAt: jst(base) }
    const back = { clientId: crypto.randomUUID(), toolId: tool, action: 'checkin' as const, toLocationId: home.id, movedAt: new Date(base + 3600_000).toISOString() }
    expect(back.movedAt < out.movedAt).toBe(true)
    const results = await syncMoves(staff, [back, out])
    expect(results.map((r) => r.outcome)).toEqual(['applied', 'applied'])
    expect((await toolRow(tool)).current_location_id).toBe(home.id)
  })

  it('drops a page cursor that does not hold a time, instead of failing the page', async () => {
    const bad = Buffer.from(JSON.stringify(['not-a-time', crypto.randomUUID()])).toString('base64url')
    const page = await t.tenant(staff, (tx) => listMovements(tx, { cursor: bad, limit: 3 }))
    const first = await t.tenant(staff, (tx) => listMovements(tx, { limit: 3 }))
    expect(page.items.map((m) => m.id)).toEqual(first.items.map((m) => m.id))
  })

  it('reports a move that can no longer apply, and gives the same answer on retry; a changed move with the same id is a mismatch', async () => {
    const tool = await newTool(home.id)
    await t.tenant(leader, (tx) => applyMove(tx, { toolId: tool, action: 'checkout', toLocationId: site2.id }, { userId: leader.userId }))
    const stale = { clientId: crypto.randomUUID(), toolId: tool, action: 'checkout' as const, toLocationId: site1.id, movedAt: new Date(Date.now() - 3_600_000).toISOString() }
    const [r1] = await syncMoves(staff, [stale])
    const [r2] = await syncMoves(staff, [stale])
    expect(r1).toMatchObject({ outcome: 'refused', status: 409, code: 'MOVED_LATER' })
    expect(r2).toMatchObject({ outcome: 'refused', status: 409, code: 'MOVED_LATER' })
    const [r3] = await syncMoves(staff, [{ ...stale, toLocationId: site2.id }])
    expect(r3).toMatchObject({ outcome: 'mismatch', status: 422 })
    const [gone] = await syncMoves(staff, [{ clientId: crypto.randomUUID(), toolId: crypto.randomUUID(), action: 'checkout', toLocationId: site1.id }])
    expect(gone).toMatchObject({ outcome: 'refused', status: 404, code: 'TOOL_NOT_FOUND' })
  })
})

describe('history', () => {
  it('lists moves newest first with names, filtered, a page at a time', async () => {
    const page1 = await t.tenant(staff, (tx) => listMovements(tx, { limit: 5 }))
    expect(page1.items).toHaveLength(5)
    expect(page1.nextCursor).toBeTruthy()
    const page2 = await t.tenant(staff, (tx) => listMovements(tx, { limit: 5, cursor: page1.nextCursor! }))
    expect(page2.items[0]!.movedAt.getTime()).toBeLessThanOrEqual(page1.items.at(-1)!.movedAt.getTime())
    expect(new Set([...page1.items, ...page2.items].map((m) => m.id)).size).toBe(10)
    const mine = await t.tenant(staff, (tx) => listMovements(tx, { user: staff.userId, type: 'checkout', limit: 100 }))
    expect(mine.items.length).toBeGreaterThan(0)
    expect(mine.items.every((m) => m.userId === staff.userId && m.type === 'checkout')).toBe(true)
    const atSite = await t.tenant(staff, (tx) => listMovements(tx, { location: site1.id, limit: 100 }))
    expect(atSite.items.every((m) => m.toLocationId === site1.id || m.fromLocationId === site1.id)).toBe(true)
    expect(atSite.items[0]).toMatchObject({ toolCode: expect.stringMatching(/^[A-Z]+-\d{4}/), userName: expect.any(String) })
  })

  it('filters by Japanese calendar days', async () => {
    const tool = await newTool(home.id)
    // 2026-01-01 00:30 in Tokyo is still 2025-12-31 in UTC.
    await t.admin(
      `insert into tool_movements (organization_id, tool_id, user_id, from_location_id, to_location_id, movement_type, moved_at, source)
       values ($1, $2, $3, $4, $5, 'checkout', '2026-01-01T00:30:00+09:00', 'manual')`,
      [A.id, tool, staff.userId, home.id, site1.id],
    )
    const newYear = await t.tenant(staff, (tx) => listMovements(tx, { tool, from: '2026-01-01', to: '2026-01-01' }))
    expect(newYear.items).toHaveLength(1)
    const eve = await t.tenant(staff, (tx) => listMovements(tx, { tool, from: '2025-12-31', to: '2025-12-31' }))
    expect(eve.items).toHaveLength(0)
  })

  it('reads filters from the URL, dropping what is malformed', () => {
    expect(parseMovementSearchParams({ type: 'checkout', from: '2026/4/1', user: 'nope', location: ['' ] })).toEqual({ type: 'checkout', from: '2026-04-01' })
  })

  it("knows a member's recent places, newest first", async () => {
    const tool = await newTool(home.id)
    await t.tenant(leader, (tx) => applyMove(tx, { toolId: tool, action: 'checkout', toLocationId: site2.id }, { userId: leader.userId }))
    expect((await t.tenant(leader, (tx) => recentLocationIds(tx, leader.userId)))[0]).toBe(site2.id)
  })

  it('is audited and insert-only for members', async () => {
    const [row] = await t.admin<{ n: number }>(`select count(*)::int as n from audit_logs where organization_id = $1 and table_name = 'tool_movements'`, [A.id])
    expect(row!.n).toBeGreaterThan(0)
    expect(await outcome(t.tenant(t.as('demo', 'owner'), (tx) => query(tx, sql`update tool_movements set note = 'x' returning 1`)))).toBe('42501')
    expect(await outcome(t.tenant(t.as('demo', 'owner'), (tx) => query(tx, sql`delete from tool_movements returning 1`)))).toBe('42501')
  })

  it('seeds a few months of history that ends where each tool is', async () => {
    const [mismatch] = await t.admin<{ n: number }>(
      `select count(*)::int as n from tools t
       where t.organization_id = $1 and t.deleted_at is null and t.management_type = 'individual'
         and exists (select 1 from tool_movements m where m.tool_id = t.id)
         and not exists (select 1 from tool_movements m where m.tool_id = t.id and m.source <> 'seed')
         and t.current_location_id is distinct from (select m.to_location_id from tool_movements m where m.tool_id = t.id order by m.moved_at desc limit 1)`,
      [A.id],
    )
    expect(mismatch!.n).toBe(0)
    const [long] = await t.admin<{ n: number }>(
      `select count(*)::int as n from tools t join locations l on l.id = t.current_location_id and l.organization_id = t.organization_id
       where t.organization_id = $1 and l.type = 'site' and t.last_moved_at < now() - interval '14 days'`,
      [A.id],
    )
    expect(long!.n).toBeGreaterThan(0)
    const [span] = await t.admin<{ days: number }>(`select extract(day from now() - min(moved_at))::int as days from tool_movements where organization_id = $1`, [A.id])
    expect(span!.days).toBeGreaterThan(60)
  })
})
