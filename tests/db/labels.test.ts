import { afterAll, describe, expect, it } from 'vitest'
import { issueBlankLabels, saveLabelSettings } from '@/lib/labels/commands'
import { prepareLabels } from '@/lib/labels/document'
import { scanUrl } from '@/lib/urls'
import { blankBatch, getLabelSettings, isUnusedBlankLabel, labelCounts, labelTools, listBlankBatches, toolsByIds } from '@/lib/labels/queries'
import { openTestDb } from '../support/db'

const t = await openTestDb()
afterAll(() => t.close())

const A = t.company('demo')
const B = t.company('sakura-denki')
const leader = t.as('demo', 'leader')
const staff = t.as('demo', 'staff')
const company = { subdomain: 'demo', name: 'デモ建設株式会社', userId: leader.userId }
const text = { blank: '未登録ラベル' }

interface ToolRow {
  id: string
  tool_code: string
  category_id: string
  current_location_id: string
}
const toolsOf = (org: string, where = 'true') =>
  t.admin<ToolRow>(
    `select id, tool_code, category_id, current_location_id from tools where organization_id = $1 and deleted_at is null and status <> 'disposed' and ${where} order by tool_code`,
    [org],
  )

describe('label settings', () => {
  it('start from what the company saved, and a leader may change them', async () => {
    expect(await t.tenant(leader, (tx) => getLabelSettings(tx))).toEqual({ offsetXMm: 0.5, offsetYMm: 0, layout: 'a4-24' })
    const saved = await t.tenant(leader, (tx) => saveLabelSettings(tx, { offsetX: '-1.26', offsetY: '２', layout: 'a4-12' }))
    expect(saved).toEqual({ ok: true, data: { offsetXMm: -1.3, offsetYMm: 2, layout: 'a4-12' } })
    expect(await t.tenant(staff, (tx) => getLabelSettings(tx))).toEqual({ offsetXMm: -1.3, offsetYMm: 2, layout: 'a4-12' })
    const [audit] = await t.admin<{ n: number }>(`select count(*)::int as n from audit_logs where organization_id = $1 and table_name = 'label_settings' and action = 'update'`, [A.id])
    expect(audit!.n).toBe(1)
  })

  it('refuse staff, and offsets beyond a centimetre', async () => {
    expect(await t.tenant(staff, (tx) => saveLabelSettings(tx, { offsetX: 0, offsetY: 0, layout: 'a4-24' }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await t.tenant(leader, (tx) => saveLabelSettings(tx, { offsetX: 11, offsetY: 'x', layout: 'a4-99' }))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { offsetX: 'TOO_LARGE', offsetY: 'INVALID_NUMBER', layout: 'INVALID_CHOICE' } },
    })
  })

  it('are the defaults for a company that never saved any', async () => {
    await t.admin(`delete from label_settings where organization_id = $1`, [B.id])
    expect(await t.tenant(t.as('sakura-denki', 'staff'), (tx) => getLabelSettings(tx))).toEqual({ offsetXMm: 0, offsetYMm: 0, layout: 'a4-24' })
  })
})

describe('which tools get labels', () => {
  it('chosen tools in code order; deleted tools and other companies’ ids are left out', async () => {
    const mine = await toolsOf(A.id)
    const [deleted] = await t.admin<{ id: string }>(`select id from tools where organization_id = $1 and deleted_at is not null`, [A.id])
    const [theirs] = await toolsOf(B.id)
    const ids = [mine[2]!.id, mine[0]!.id, deleted!.id, theirs!.id]
    const found = await t.tenant(leader, (tx) => labelTools(tx, { toolIds: ids }, 100))
    expect(found.map((f) => f.id)).toEqual([mine[0]!.id, mine[2]!.id])
    expect(await t.tenant(leader, (tx) => toolsByIds(tx, [...ids, 'not-a-uuid']))).toEqual(found)
    expect(await t.tenant(leader, (tx) => toolsByIds(tx, ['nope']))).toEqual([])
  })

  it('a whole category or location: every usable tool there, and the counts the page shows agree', async () => {
    const mine = await toolsOf(A.id)
    const category = mine[0]!.category_id
    const place = mine[0]!.current_location_id
    const byCategory = await t.tenant(leader, (tx) => labelTools(tx, { categoryId: category }, 1000))
    const byPlace = await t.tenant(leader, (tx) => labelTools(tx, { locationId: place }, 1000))
    expect(byCategory.map((x) => x.id)).toEqual(mine.filter((m) => m.category_id === category).map((m) => m.id))
    expect(byPlace.map((x) => x.id)).toEqual(mine.filter((m) => m.current_location_id === place).map((m) => m.id))
    const counts = await t.tenant(leader, (tx) => labelCounts(tx))
    expect(counts.byCategory[category]).toBe(byCategory.length)
    expect(counts.byLocation[place]).toBe(byPlace.length)
    const disposed = await t.admin<{ category_id: string }>(`select category_id from tools where organization_id = $1 and status = 'disposed'`, [A.id])
    expect(disposed.length).toBeGreaterThan(0)
  })
})

describe('prepareLabels', () => {
  it('gives each chosen tool its scan URL, code, name and the company, on the chosen stock', async () => {
    const mine = (await toolsOf(A.id)).slice(0, 3)
    const r = await t.tenant(leader, (tx) =>
      prepareLabels(tx, company, { source: 'tools', toolIds: mine.map((m) => m.id), layout: 'a4-12', skip: '3', offsetX: '1.5', offsetY: '' }, text),
    )
    if (!r.ok) throw new Error(r.error.code)
    expect(r.data.labels).toBe(3)
    expect(r.data.sheets).toBe(1)
    expect(r.data.fileName).toMatch(/^labels-\d{8}-a4-12\.pdf$/)
    expect(r.data.job).toMatchObject({ layout: 'a4-12', skip: 3, offset: { x: 1.5, y: 0 }, blankText: '未登録ラベル' })
    expect(r.data.job.labels).toEqual(mine.map((m) => expect.objectContaining({ url: scanUrl('demo', m.id), code: m.tool_code, company: 'デモ建設株式会社' })))
    expect(r.data.job.labels[0]!.url).toBe(`http://demo.localhost:3000/scan?id=${mine[0]!.id}`)
  })

  it('refuses an empty choice, a skip past the sheet, and more labels than one PDF takes', async () => {
    const ghost = crypto.randomUUID()
    expect(await t.tenant(leader, (tx) => prepareLabels(tx, company, { source: 'tools', toolIds: [ghost], layout: 'a4-24' }, text))).toMatchObject({
      ok: false,
      error: { code: 'NOTHING_TO_PRINT' },
    })
    expect(await t.tenant(leader, (tx) => prepareLabels(tx, company, { source: 'tools', toolIds: [ghost], layout: 'a4-12', skip: 12 }, text))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { skip: 'TOO_LARGE' } },
    })
    expect(await t.tenant(leader, (tx) => prepareLabels(tx, company, { source: 'everything', layout: 'a4-12' }, text))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { source: 'INVALID_CHOICE' } },
    })
    const [first] = await toolsOf(A.id)
    expect(
      await t.tenant(leader, (tx) => prepareLabels(tx, company, { source: 'category', categoryId: first!.category_id, layout: 'a4-24' }, text, { maxLabels: 1 })),
    ).toMatchObject({ ok: false, error: { code: 'TOO_MANY_LABELS', details: { max: 1 } } })
  })

  it('issues blank labels: fresh UUIDs recorded as one batch, printed again as the same batch', async () => {
    const r = await t.tenant(leader, (tx) => prepareLabels(tx, company, { source: 'blank', count: '30', layout: 'a4-24', skip: 20 }, text))
    if (!r.ok) throw new Error(r.error.code)
    expect(r.data).toMatchObject({ labels: 30, sheets: 3, batchId: expect.any(String) })
    expect(r.data.fileName).toMatch(/^blank-labels-/)
    const urls = r.data.job.labels.map((l) => l.url)
    expect(new Set(urls).size).toBe(30)
    expect(r.data.job.labels.every((l) => l.code === null && l.name === null)).toBe(true)
    const rows = await t.admin<{ id: string; issued_by: string }>(`select id, issued_by from blank_labels where batch_id = $1 order by id`, [r.data.batchId])
    expect(rows.map((x) => scanUrl('demo', x.id))).toEqual(urls)
    expect(rows.every((x) => x.issued_by === leader.userId)).toBe(true)

    const again = await t.tenant(leader, (tx) => prepareLabels(tx, company, { source: 'batch', batchId: r.data.batchId!, layout: 'a4-44' }, text))
    if (!again.ok) throw new Error(again.error.code)
    expect(again.data.job.labels.map((l) => l.url)).toEqual(urls)
    expect(again.data.batchId).toBeUndefined()
    // Another company's batch is not found.
    expect(await t.tenant(t.as('sakura-denki', 'leader'), (tx) => prepareLabels(tx, company, { source: 'batch', batchId: r.data.batchId!, layout: 'a4-44' }, text))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('lets only leaders and above issue blank labels', async () => {
    expect(await t.tenant(staff, (tx) => prepareLabels(tx, company, { source: 'blank', count: 2, layout: 'a4-24' }, text))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await t.tenant(leader, (tx) => issueBlankLabels(tx, { count: 501, layout: 'a4-24' }, leader.userId))).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })
})

describe('blank label batches', () => {
  it('list the latest first, with how many labels already belong to a tool', async () => {
    const issued = await t.tenant(leader, (tx) => issueBlankLabels(tx, { count: 4, layout: 'a4-65' }, leader.userId))
    if (!issued.ok) throw new Error(issued.error.code)
    const batches = await t.tenant(staff, (tx) => listBlankBatches(tx))
    expect(batches[0]).toMatchObject({ batchId: issued.data.batchId, layout: 'a4-65', count: 4, used: 0, issuedBy: '鈴木 一郎' })
    const seeded = batches.at(-1)!
    expect(seeded).toMatchObject({ count: 12, used: 1 })
    expect(await t.tenant(staff, (tx) => isUnusedBlankLabel(tx, issued.data.ids[0]!))).toBe(true)
    const seededIds = (await t.tenant(staff, (tx) => blankBatch(tx, seeded.batchId))).ids
    const [claimed] = await t.admin<{ id: string }>(`select id from tools where id = any($1::uuid[])`, [seededIds])
    expect(await t.tenant(staff, (tx) => isUnusedBlankLabel(tx, claimed!.id))).toBe(false)
    expect(await t.tenant(staff, (tx) => isUnusedBlankLabel(tx, 'nope'))).toBe(false)
    // Another company never sees them.
    expect(await t.tenant(t.as('sakura-denki', 'owner'), (tx) => isUnusedBlankLabel(tx, issued.data.ids[0]!))).toBe(false)
  })
})
