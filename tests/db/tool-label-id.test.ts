import { afterAll, describe, expect, it } from 'vitest'
import { createTool, deleteTool } from '@/lib/tools/commands'
import { scanCard } from '@/lib/scan/queries'
import { openTestDb } from '../support/db'

const t = await openTestDb()
afterAll(() => t.close())

const A = t.company('demo')
const B = t.company('sakura-denki')
const leaderA = t.as('demo', 'leader')
const leaderB = t.as('sakura-denki', 'leader')
const category = async (org: string) => (await t.admin<{ id: string }>(`select id from tool_categories where organization_id = $1 and is_active order by code_prefix limit 1`, [org]))[0]!.id

describe('a blank label becomes a tool', () => {
  it("takes the label's UUID as the new tool's id, so the printed QR finds it", async () => {
    const labelId = crypto.randomUUID()
    const cat = await category(A.id)
    const tool = await t.tenant(leaderA, (tx) => createTool(tx, { id: labelId, categoryId: cat, name: 'ラベル先行の丸ノコ' }))
    expect(tool).toMatchObject({ ok: true, data: { id: labelId, name: 'ラベル先行の丸ノコ' } })
    expect(await t.tenant(leaderA, (tx) => scanCard(tx, { id: labelId }))).toMatchObject({ id: labelId })
  })

  it('refuses a label already used in this company (also by a tool in the trash) with TOOL_ID_TAKEN', async () => {
    const labelId = crypto.randomUUID()
    const cat = await category(A.id)
    const first = await t.tenant(leaderA, (tx) => createTool(tx, { id: labelId, categoryId: cat, name: '一台目' }))
    expect(first.ok).toBe(true)
    const again = await t.tenant(leaderA, (tx) => createTool(tx, { id: labelId, categoryId: cat, name: '二台目' }))
    expect(again).toMatchObject({ ok: false, error: { code: 'TOOL_ID_TAKEN' } })
    await t.tenant(t.as('demo', 'admin'), (tx) => deleteTool(tx, { id: labelId }))
    const trashed = await t.tenant(leaderA, (tx) => createTool(tx, { id: labelId, categoryId: cat, name: '三台目' }))
    expect(trashed).toMatchObject({ ok: false, error: { code: 'TOOL_ID_TAKEN' } })
    const [n] = await t.admin<{ n: number }>(`select count(*)::int as n from tools where organization_id = $1 and id = $2`, [A.id, labelId])
    expect(n!.n).toBe(1)
  })

  it("says nothing about another company's tools: their ids are theirs, ours are ours", async () => {
    const [theirs] = await t.admin<{ id: string }>(`select id from tools where organization_id = $1 and deleted_at is null limit 1`, [B.id])
    const cat = await category(A.id)
    const ours = await t.tenant(leaderA, (tx) => createTool(tx, { id: theirs!.id, categoryId: cat, name: '同じ番号のラベル' }))
    expect(ours).toMatchObject({ ok: true, data: { id: theirs!.id, organizationId: A.id } })
    const [b] = await t.admin<{ name: string }>(`select name from tools where organization_id = $1 and id = $2`, [B.id, theirs!.id])
    expect(b!.name).not.toBe('同じ番号のラベル')
    expect(await t.tenant(leaderB, (tx) => scanCard(tx, { id: theirs!.id }))).toMatchObject({ name: b!.name })
  })

  it('refuses an id that is not a UUID', async () => {
    const cat = await category(A.id)
    const r = await t.tenant(leaderA, (tx) => createTool(tx, { id: 'A-0001', categoryId: cat, name: 'x' }))
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { id: 'INVALID' } } })
  })
})
