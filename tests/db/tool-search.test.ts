import { afterAll, describe, expect, it } from 'vitest'
import { createTool } from '@/lib/tools/commands'
import { countTools, listTools, type ToolListItem } from '@/lib/tools/queries'
import type { ToolListQuery } from '@/lib/tools/schemas'
import { parseToolListSearchParams, toolListSearchParams } from '@/lib/tools/search-params'
import { todayIso } from '@/lib/validation'
import { openTestDb } from '../support/db'

const t = await openTestDb()
afterAll(() => t.close())

const A = t.company('demo')
const viewer = t.as('demo', 'viewer')
const leader = t.as('demo', 'leader')
const list = (q: ToolListQuery) => t.tenant(viewer, (tx) => listTools(tx, q))
const names = (items: ToolListItem[]) => items.map((i) => i.name)

const ids = async (sql: string, params: unknown[] = []) => (await t.admin<{ id: string }>(sql, params)).map((r) => r.id)
const [measuring] = await ids(`select id from tool_categories where organization_id = $1 and code_prefix = 'C'`, [A.id])
const [site] = await ids(`select id from locations where organization_id = $1 and type = 'site' and is_active order by name limit 1`, [A.id])

/** Every page of a query, following the cursor. */
async function allPages(q: ToolListQuery) {
  const seen: ToolListItem[] = []
  let cursor: string | undefined
  for (let i = 0; i < 100; i++) {
    const page = await list({ ...q, cursor })
    seen.push(...page.items)
    if (!page.nextCursor) break
    cursor = page.nextCursor
  }
  return seen
}

describe('Japanese substring search (trigram)', () => {
  it('finds 「ドライバ」 inside 「電動ドライバーセット」, and in every other name that contains it', async () => {
    const found = names((await list({ q: 'ドライバ', limit: 200 })).items)
    expect(found).toContain('電動ドライバーセット')
    expect(found).toContain('充電式インパクトドライバ')
    expect(found.every((n) => n.includes('ドライバ'))).toBe(true)
  })

  it('matches half-width kana, full-width letters and any case, and needs every term', async () => {
    expect(names((await list({ q: 'ﾄﾞﾗｲﾊﾞｰｾｯﾄ' })).items)).toEqual(expect.arrayContaining(['電動ドライバーセット']))
    expect((await list({ q: 'ｍａｋｉｔａ' })).items).toEqual([])
    const makita = names((await list({ q: 'ｔｄ１７３', limit: 200 })).items)
    expect(makita.length).toBeGreaterThan(0)
    expect(makita.every((n) => n === '充電式インパクトドライバ')).toBe(true)
    expect(names((await list({ q: 'マキタ　クリーナ' })).items)).toEqual(['充電式クリーナ', '充電式クリーナ'])
    expect((await list({ q: 'ドライバ 存在しない語' })).items).toEqual([])
  })

  it('searches code, model, maker and custom-field text, and treats % and _ literally', async () => {
    const [code] = (await t.admin<{ c: string }>(`select tool_code as c from tools where organization_id = $1 order by tool_code limit 1`, [A.id])).map((r) => r.c)
    expect((await list({ q: code!.toLowerCase() })).items.map((i) => i.toolCode)).toContain(code)
    expect(names((await list({ q: 'KEW' })).items).length).toBeGreaterThan(0)
    expect(names((await list({ q: '共立' })).items).length).toBeGreaterThan(0)
    const cert = (await list({ q: 'CERT-20' })).items
    expect(cert.length).toBeGreaterThan(0)
    expect(cert.every((i) => String(i.customFields.calibration_certificate).startsWith('CERT-20'))).toBe(true)
    expect((await list({ q: '%' })).items).toEqual([])
    expect((await list({ q: '_' })).items).toEqual([])
  })

  it('has the trigram and jsonb_path_ops indexes in place', async () => {
    const indexes = await t.admin<{ indexname: string; indexdef: string }>(`select indexname, indexdef from pg_indexes where tablename = 'tools'`)
    const def = (name: string) => indexes.find((i) => i.indexname === name)?.indexdef ?? ''
    expect(def('tools_search_trgm_idx')).toMatch(/gin .*tool_search_text.*gin_trgm_ops/)
    expect(def('tools_custom_fields_idx')).toMatch(/gin \(custom_fields jsonb_path_ops\)/)
  })
})

describe('filters', () => {
  it('by category, location, holder and management type', async () => {
    const byCategory = await allPages({ categoryId: [measuring!] })
    expect(byCategory.length).toBeGreaterThan(5)
    expect(byCategory.every((i) => i.categoryName === '測定器')).toBe(true)
    const atSite = await allPages({ locationId: [site!] })
    expect(atSite.every((i) => i.currentLocationId === site)).toBe(true)
    const holder = A.members.find((m) => m.role === 'leader')!.userId
    const held = await allPages({ holderId: [holder] })
    expect(held.length).toBeGreaterThan(0)
    expect(held.every((i) => i.holderName === '鈴木 一郎')).toBe(true)
    const counted = await allPages({ managementType: 'quantity' })
    expect(counted.length).toBeGreaterThanOrEqual(4)
    expect(counted.every((i) => i.managementType === 'quantity' && i.unit)).toBe(true)
  })

  it('by status (built-in or the company’s own) and by low stock', async () => {
    const repair = await allPages({ status: ['repair'] })
    expect(repair.length).toBeGreaterThan(0)
    expect(repair.every((i) => i.status === 'repair' && i.statusId === null)).toBe(true)
    const own = await allPages({ status: ['normal', 'broken'] })
    expect(own.every((i) => ['normal', 'broken'].includes(i.status))).toBe(true)
    // A place's own list: every tool there whatever its status, the company's own statuses and disposed ones too.
    const [withOwn] = await ids(`select id from tools where organization_id = $1 and status_id is not null and deleted_at is null limit 1`, [A.id])
    const [disposed] = await ids(`select id from tools where organization_id = $1 and status = 'disposed' and deleted_at is null limit 1`, [A.id])
    expect([withOwn, disposed]).toEqual([expect.any(String), expect.any(String)])
    const places = await ids(`select current_location_id as id from tools where id = any($1::uuid[])`, [[withOwn, disposed]])
    const here = await allPages({ locationId: places, includeDisposed: true })
    expect(here.map((i) => i.id)).toEqual(expect.arrayContaining([withOwn, disposed]))
    expect(await t.tenant(viewer, (tx) => countTools(tx, { locationId: places, includeDisposed: true }))).toBe(here.length)
    const low = await allPages({ lowStock: true })
    expect(low.length).toBeGreaterThanOrEqual(2)
    expect(low.every((i) => i.lowStock && i.currentQuantity! <= i.minStockAlert!)).toBe(true)
  })

  it('by custom field value: equals, contains, and a date range for calibration due', async () => {
    const tool = await t.tenant(leader, (tx) =>
      createTool(tx, { categoryId: measuring!, name: '照度計', customFields: { next_calibration: '2020-01-31', calibration_certificate: 'JCSS-0042' } }),
    )
    expect(tool.ok).toBe(true)
    expect(names(await allPages({ fields: [{ key: 'calibration_certificate', op: 'eq', value: 'JCSS-0042' }] }))).toEqual(['照度計'])
    expect(names(await allPages({ fields: [{ key: 'calibration_certificate', op: 'contains', value: 'jcss' }] }))).toEqual(['照度計'])
    const today = todayIso()
    const overdue = await allPages({ fields: [{ key: 'next_calibration', op: 'to', value: today }] })
    expect(overdue.length).toBeGreaterThanOrEqual(2)
    expect(overdue.every((i) => String(i.customFields.next_calibration) <= today)).toBe(true)
    const window = await allPages({ fields: [{ key: 'next_calibration', op: 'from', value: '2020-01-01' }, { key: 'next_calibration', op: 'to', value: '2020-12-31' }] })
    expect(names(window)).toEqual(['照度計'])
    await t.tenant(leader, (tx) => createTool(tx, { categoryId: measuring!, name: '高い計器', customFields: { rental_cost: 50000 } }))
    expect(names(await allPages({ fields: [{ key: 'rental_cost', op: 'from', value: '40000' }] }))).toEqual(['高い計器'])
    expect(names(await allPages({ fields: [{ key: 'rental_cost', op: 'eq', value: '50000' }] }))).toEqual(['高い計器'])
  })
})

describe('sorting and cursor pages', () => {
  it.each([
    ['code', 'asc'],
    ['name', 'desc'],
    ['updated', 'desc'],
    ['purchased', 'asc'],
    ['price', 'desc'],
  ] as const)('pages through every tool once, in order, sorted by %s %s', async (sort, dir) => {
    const everything = await allPages({ sort, dir, limit: 200 })
    const paged = await allPages({ sort, dir, limit: 7 })
    expect(paged.map((i) => i.id)).toEqual(everything.map((i) => i.id))
    expect(new Set(paged.map((i) => i.id)).size).toBe(paged.length)
    expect(paged.length).toBe(await t.tenant(viewer, (tx) => countTools(tx, {})))
    expect(paged.length).toBeGreaterThanOrEqual(60)
    if (sort === 'price') {
      const prices = paged.map((i) => i.purchasePrice ?? -1)
      expect(prices).toEqual([...prices].sort((a, b) => b - a))
    }
    if (sort === 'code' && dir === 'asc') expect(paged[0]!.toolCode < paged[1]!.toolCode).toBe(true)
  })

  it('ignores a cursor that is not one of ours', async () => {
    const first = await list({ limit: 5 })
    expect((await list({ limit: 5, cursor: 'garbage' })).items.map((i) => i.id)).toEqual(first.items.map((i) => i.id))
  })

  it('ignores a cursor made under another sort, rather than failing its cast', async () => {
    const byCode = await list({ sort: 'code', limit: 5 })
    const first = await list({ sort: 'price', limit: 5 })
    expect((await list({ sort: 'price', limit: 5, cursor: byCode.nextCursor! })).items.map((i) => i.id)).toEqual(first.items.map((i) => i.id))
  })
})

describe('filters in the URL', () => {
  it('round-trip through search params, bad values dropped rather than failing', () => {
    const query: ToolListQuery = {
      q: 'ドライバ',
      categoryId: [measuring!],
      status: ['repair', 'broken'],
      lowStock: true,
      managementType: 'quantity',
      fields: [{ key: 'next_calibration', op: 'to', value: '2026-01-01' }],
      sort: 'name',
      dir: 'desc',
      limit: 20,
    }
    const params = toolListSearchParams(query)
    expect(params.get('status')).toBe('repair,broken')
    expect(params.get('f.next_calibration.to')).toBe('2026-01-01')
    const back = parseToolListSearchParams(new URLSearchParams(params.toString()))
    expect(back).toMatchObject(query)
    expect(back.locationId).toBeUndefined()
    const messy = parseToolListSearchParams({ q: 'x', sort: 'sideways', categoryId: 'not-a-uuid', 'f.Bad Key.eq': '1', limit: '9999', status: ['repair'] })
    expect(messy).toMatchObject({ q: 'x', sort: 'code', dir: 'asc', limit: 50, status: ['repair'], fields: [] })
    expect(messy.categoryId).toBeUndefined()
    expect(toolListSearchParams({}).toString()).toBe('')
  })
})
