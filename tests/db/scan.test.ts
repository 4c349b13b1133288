import { afterAll, describe, expect, it } from 'vitest'
import { applyMove } from '@/lib/movements/commands'
import { scanCard, scanIndex } from '@/lib/scan/queries'
import { openTestDb } from '../support/db'

const t = await openTestDb()
afterAll(() => t.close())

const A = t.company('demo')
const B = t.company('sakura-denki')
const staff = t.as('demo', 'staff')

describe('scanCard', () => {
  it('shows a tool by its id or its code, with place and holder', async () => {
    const [tool] = await t.admin<{ id: string; tool_code: string }>(
      `select t.id, t.tool_code from tools t join locations l on l.id = t.current_location_id and l.organization_id = t.organization_id
       where t.organization_id = $1 and t.deleted_at is null and l.type = 'site' and t.management_type = 'individual' limit 1`,
      [A.id],
    )
    const byId = await t.tenant(staff, (tx) => scanCard(tx, { id: tool!.id }))
    expect(byId).toMatchObject({ id: tool!.id, code: tool!.tool_code, locationType: 'site', holderName: expect.any(String) })
    expect(await t.tenant(staff, (tx) => scanCard(tx, { code: tool!.tool_code }))).toMatchObject({ id: tool!.id })
  })

  it("gives the same null for another company's tool, a deleted one and a made-up id", async () => {
    const [bTool] = await t.admin<{ id: string; tool_code: string }>(`select id, tool_code from tools where organization_id = $1 limit 1`, [B.id])
    const [deleted] = await t.admin<{ id: string }>(`select id from tools where organization_id = $1 and deleted_at is not null limit 1`, [A.id])
    for (const target of [{ id: bTool!.id }, { id: deleted!.id }, { id: crypto.randomUUID() }, { code: 'Z-9999' }]) {
      expect(await t.tenant(staff, (tx) => scanCard(tx, target))).toBeNull()
    }
  })

  it('lists where the units of a quantity tool are', async () => {
    const [q] = await t.admin<{ id: string }>(`select id from tools where organization_id = $1 and management_type = 'quantity' and deleted_at is null and current_quantity >= 2 limit 1`, [A.id])
    const [site] = await t.admin<{ id: string; name: string }>(`select id, name from locations where organization_id = $1 and type = 'site' and is_active order by name limit 1`, [A.id])
    await t.tenant(staff, (tx) => applyMove(tx, { toolId: q!.id, action: 'checkout', toLocationId: site!.id, quantity: 2 }, { userId: staff.userId }))
    const card = await t.tenant(staff, (tx) => scanCard(tx, { id: q!.id }))
    expect(card!.away).toEqual(expect.arrayContaining([expect.objectContaining({ locationId: site!.id, locationName: site!.name })]))
    expect(card!.recentMoves[0]).toMatchObject({ type: 'checkout', quantity: 2, toName: site!.name, userName: expect.any(String) })
    const index = await t.tenant(staff, (tx) => scanIndex(tx, staff.userId))
    expect(index.tools.find((x) => x.id === q!.id)!.away).toEqual(card!.away.map((a) => expect.objectContaining({ locationId: a.locationId, quantity: a.quantity })))
    expect(index.tools.filter((x) => x.managementType === 'individual').every((x) => x.away.length === 0)).toBe(true)
  })

  it('tells how many units are at home when a move asks for more', async () => {
    const [q] = await t.admin<{ id: string; current_quantity: number }>(
      `select id, current_quantity from tools where organization_id = $1 and management_type = 'quantity' and deleted_at is null and status <> 'disposed' order by tool_code desc limit 1`,
      [A.id],
    )
    const [site] = await t.admin<{ id: string }>(`select id from locations where organization_id = $1 and type = 'site' and is_active and closed_at is null limit 1`, [A.id])
    const r = await t.tenant(staff, (tx) => applyMove(tx, { toolId: q!.id, action: 'checkout', toLocationId: site!.id, quantity: q!.current_quantity + 1 }, { userId: staff.userId }))
    expect(r).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_QUANTITY', details: { available: q!.current_quantity } } })
  })
})

describe('scanIndex', () => {
  it('holds every live tool, the open places (recent first) and the members who can hold tools', async () => {
    const index = await t.tenant(staff, (tx) => scanIndex(tx, staff.userId))
    const [n] = await t.admin<{ n: number }>(`select count(*)::int as n from tools where organization_id = $1 and deleted_at is null`, [A.id])
    expect(index.tools).toHaveLength(n!.n)
    expect(index.locations.every((l) => l.id)).toBe(true)
    expect(index.locations.some((l) => l.type === 'site')).toBe(true)
    expect(index.members.map((m) => m.id)).not.toContain(A.members.find((m) => m.role === 'viewer')!.userId)
    if (index.recentLocationIds.length) expect(index.locations[0]!.id).toBe(index.recentLocationIds[0])
  })
})
