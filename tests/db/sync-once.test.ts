import { afterAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { setDb, withTenant } from '@/lib/db'
import { requestHash } from '@/lib/idempotency'
import { syncMoves } from '@/lib/movements/sync'
import { openTestDb } from '../support/db'

const t = await openTestDb()
setDb(t.db)
afterAll(async () => {
  setDb(undefined)
  await t.close()
})

const A = t.company('demo')
const staff = t.as('demo', 'staff')

const [home] = await t.admin<{ id: string }>(`select id from locations where organization_id = $1 and type = 'warehouse' order by name limit 1`, [A.id])
const [site] = await t.admin<{ id: string }>(`select id from locations where organization_id = $1 and type = 'site' and is_active order by name limit 1`, [A.id])

async function newTool() {
  const [cat] = await t.admin<{ id: string }>(`select id from tool_categories where organization_id = $1 order by code_prefix limit 1`, [A.id])
  const [row] = await t.admin<{ id: string }>(`insert into tools (organization_id, category_id, name, current_location_id) values ($1, $2, '同期テスト用ドリル', $3) returning id`, [
    A.id,
    cat!.id,
    home!.id,
  ])
  return row!.id
}

const checkout = (toolId: string) => ({ clientId: crypto.randomUUID(), toolId, action: 'checkout' as const, toLocationId: site!.id })
const moves = (clientId: string) => t.admin<{ n: number }>(`select count(*)::int as n from tool_movements where client_id = $1`, [clientId]).then((r) => r[0]!.n)

describe('syncMoves: key, move and answer in one transaction', () => {
  it('the same item sent twice at once is applied once; the other is in flight (409) or, if it came after, the first answer', async () => {
    const item = checkout(await newTool())
    const [a, b] = await Promise.all([syncMoves(staff, [item]), syncMoves(staff, [item])])
    const outcomes = [a[0]!.outcome, b[0]!.outcome].sort()
    expect([['applied', 'in_flight'], ['applied', 'replayed']]).toContainEqual(outcomes)
    const second = [a[0]!, b[0]!].find((r) => r.outcome !== 'applied')!
    if (second.outcome === 'in_flight') expect(second).toMatchObject({ status: 409, code: 'IDEMPOTENCY_IN_FLIGHT' })
    expect(await moves(item.clientId)).toBe(1)
    // Sent again after both have finished, it gets the first answer.
    const [again] = await syncMoves(staff, [item])
    expect(again).toMatchObject({ outcome: 'replayed', status: 200 })
    expect(again!.move?.movementId).toBe([a[0]!, b[0]!].find((r) => r.outcome === 'applied')!.move?.movementId)
    const [key] = await t.admin<{ status_code: number; completed_at: Date | null }>(`select status_code, completed_at from idempotency_keys where key = $1`, [item.clientId])
    expect(key).toMatchObject({ status_code: 201, completed_at: expect.any(Date) })
  })

  // PGlite has one connection: nothing runs beside a transaction there.
  it.skipIf(t.kind !== 'postgres')('answers 409 while another transaction holds the item, without waiting for it', async () => {
    const item = checkout(await newTool())
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    let locked!: () => void
    const isLocked = new Promise<void>((resolve) => (locked = resolve))
    const holder = withTenant(staff, async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`move:${staff.organizationId}:${staff.userId}:${item.clientId}`}, 0))`)
      locked()
      await held
    })
    await isLocked
    const [r] = await syncMoves(staff, [item])
    release()
    await holder
    expect(r).toMatchObject({ outcome: 'in_flight', status: 409, code: 'IDEMPOTENCY_IN_FLIGHT' })
    expect(await moves(item.clientId)).toBe(0)
    expect((await syncMoves(staff, [item]))[0]).toMatchObject({ outcome: 'applied', status: 201 })
  })

  it('takes over an expired key, and reports a claim that was never answered as in flight', async () => {
    const item = checkout(await newTool())
    await t.admin(
      `insert into idempotency_keys (organization_id, user_id, key, scope, request_hash, status_code, response_body, completed_at, expires_at)
       values ($1, $2, $3, 'move', 'old', 200, '{"ok":true}', now() - interval '2 days', now() - interval '1 day')`,
      [A.id, staff.userId, item.clientId],
    )
    expect((await syncMoves(staff, [item]))[0]).toMatchObject({ outcome: 'applied', status: 201 })
    const stuck = checkout(await newTool())
    await t.admin(`insert into idempotency_keys (organization_id, user_id, key, scope, request_hash) values ($1, $2, $3, 'move', $4)`, [
      A.id,
      staff.userId,
      stuck.clientId,
      requestHash('move', stuck),
    ])
    expect((await syncMoves(staff, [stuck]))[0]).toMatchObject({ outcome: 'in_flight', status: 409, code: 'IDEMPOTENCY_IN_FLIGHT' })
    expect(await moves(stuck.clientId)).toBe(0)
  })

  it('refuses a clientId that another member’s move already carries, rather than recording it twice', async () => {
    const item = checkout(await newTool())
    const [r] = await syncMoves(staff, [item])
    expect(r!.outcome).toBe('applied')
    const again = await syncMoves(t.as('demo', 'leader'), [{ ...item, toolId: await newTool() }])
    expect(again[0]).toMatchObject({ outcome: 'refused', code: 'CONFLICT' })
    expect(await moves(item.clientId)).toBe(1)
  })
})
