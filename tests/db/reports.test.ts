import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderCarryInPdf, eraDate } from '@/lib/carry-in/pdf'
import { carryInTools } from '@/lib/carry-in/queries'
import { carryInInput } from '@/lib/carry-in/schemas'
import { costsByCategory, toolCosts } from '@/lib/costs/analysis'
import { bookValue } from '@/lib/costs/depreciation'
import { parseCsv } from '@/lib/csv/format'
import { inventorySummary, sitesAtAGlance } from '@/lib/dashboard/queries'
import { companyFeatures, resolveFeatures } from '@/lib/features'
import { defaultManagementSettings } from '@/lib/maintenance/settings'
import { costsCsv, movesCsv, siteDaysCsv, utilisationCsv } from '@/lib/reports/csv'
import { movesByMonth, parseReportPeriod, toolDaysBySite, utilisationByCategory } from '@/lib/reports/queries'
import { openTestDb } from '../support/db'
import { pdfPageCount, pdfText } from '../support/pdf'

/*
 * Reports on a hand-built history in a fresh company-sized corner of the demo company: its register and moves are
 * emptied, then a few tools move between a warehouse and two sites on known days.
 */

const t = await openTestDb()
afterAll(() => t.close())

const A = t.company('demo')
const B = t.company('sakura-denki')
const viewer = t.as('demo', 'viewer')
const one = async <T = { id: string }>(text: string, params: unknown[]) => (await t.admin<T>(text, params))[0]!

let home: string, siteA: string, siteB: string, power: string, measuring: string
const tools: Record<string, string> = {}
const leader = A.members.find((m) => m.role === 'leader')!.userId

/** A move at noon Japan time on a day. */
async function move(tool: string, type: string, from: string | null, to: string | null, day: string, qty = 1) {
  await t.admin(
    `insert into tool_movements (organization_id, tool_id, user_id, holder_id, from_location_id, to_location_id, movement_type, quantity, moved_at, source)
     values ($1, $2, $3, $3, $4, $5, $6, $7, $8, 'seed')`,
    [A.id, tools[tool], leader, from, to, type, qty, new Date(`${day}T12:00:00+09:00`)],
  )
}

beforeAll(async () => {
  await t.admin(`delete from tools where organization_id = $1`, [A.id])
  await t.admin(`delete from inspection_schedules where organization_id = $1`, [A.id])
  home = (await one(`select id from locations where organization_id = $1 and type = 'warehouse' order by name limit 1`, [A.id])).id
  siteA = (await one(`insert into locations (organization_id, type, name, ends_on) values ($1, 'site', '報告テスト現場A', '2030-12-31') returning id`, [A.id])).id
  siteB = (await one(`insert into locations (organization_id, type, name) values ($1, 'site', '報告テスト現場B') returning id`, [A.id])).id
  power = (await one(`select id from tool_categories where organization_id = $1 and code_prefix = 'A'`, [A.id])).id
  measuring = (await one(`select id from tool_categories where organization_id = $1 and code_prefix = 'C'`, [A.id])).id
  const add = async (key: string, v: { category?: string; at?: string; price?: number; date?: string; life?: number; qty?: number }) => {
    tools[key] = (
      await one(
        `insert into tools (organization_id, category_id, name, manufacturer, model_number, current_location_id, purchase_price, purchase_date, useful_life_years, management_type, current_quantity)
         values ($1, $2, $3, 'マキタ', 'TD173D', $4, $5, $6, $7, $8, $9) returning id`,
        [A.id, v.category ?? power, key, v.at ?? home, v.price ?? null, v.date ?? null, v.life ?? null, v.qty === undefined ? 'individual' : 'quantity', v.qty ?? null],
      )
    ).id
  }
  await add('ドリル', { at: siteB, price: 1_000_000, date: '2024-04-01', life: 5 })
  await add('丸のこ', { price: 150_000, date: '2025-06-01' })
  await add('テスター', { category: measuring, price: 98_000, date: '2025-05-01' })
  await add('値段不明', { category: measuring })
  await add('テープ', { qty: 10 })
  // ドリル: to A on 10 Jan (15 days), to B on 25 Jan (there since). 丸のこ: to A 30 Jan, back 2 Feb.
  await move('ドリル', 'checkout', home, siteA, '2025-01-10')
  await move('ドリル', 'transfer', siteA, siteB, '2025-01-25')
  await move('丸のこ', 'checkout', home, siteA, '2025-01-30')
  await move('丸のこ', 'checkin', siteA, home, '2025-02-02')
  await move('テープ', 'checkout', home, siteA, '2025-01-12', 3)
  await move('テープ', 'consume', siteA, null, '2025-02-20', 3)
  await t.admin(`insert into repair_records (organization_id, tool_id, status, reported_by, problem, cost) values ($1, $2, 'done', $3, '刃の交換', 12000), ($1, $2, 'done', $3, 'モーター', 8000)`, [
    A.id,
    tools['丸のこ'],
    leader,
  ])
  await t.admin(`insert into inspection_records (organization_id, tool_id, performed_on, result, inspector_id) values ($1, $2, '2025-01-05', 'pass', $3), ($1, $2, '2025-01-20', 'fail', $3)`, [
    A.id,
    tools['ドリル'],
    leader,
  ])
})

const period = parseReportPeriod({ from: '2025-01', to: '2025-02' })

describe('reports', () => {
  it('the period: default last 12 months, bad or too long input falls back', () => {
    expect(period.months).toEqual(['2025-01', '2025-02'])
    expect(parseReportPeriod({}).months).toHaveLength(12)
    expect(parseReportPeriod({ from: '2020-01', to: '2030-01' }).months).toHaveLength(12)
    expect(parseReportPeriod({ from: 'x', to: '2030-03' })).toMatchObject({ from: '2029-04', to: '2030-03' })
  })

  it('moves per month and kind', async () => {
    const moves = await t.tenant(viewer, (tx) => movesByMonth(tx, period))
    expect(moves).toEqual([
      { month: '2025-01', counts: { checkout: 3, checkin: 0, transfer: 1, consume: 0 }, total: 4 },
      { month: '2025-02', counts: { checkout: 0, checkin: 1, transfer: 0, consume: 1 }, total: 2 },
    ])
    expect(parseCsv(movesCsv(moves, ['月', '持出', '返却', '移動', '使用', '合計']))[1]).toEqual(['2025-01', '3', '0', '1', '0', '4'])
  })

  it('tool-days per site and month: calendar days, arrival and departure days both counted', async () => {
    const days = await t.tenant(viewer, (tx) => toolDaysBySite(tx, period))
    const a = days.find((d) => d.name === '報告テスト現場A')!
    const b = days.find((d) => d.name === '報告テスト現場B')!
    // A: ドリル 10–25 Jan (16 days), 丸のこ 30 Jan–2 Feb (2 in Jan, 2 in Feb).
    expect(a.days).toEqual({ '2025-01': 18, '2025-02': 2 })
    // B: ドリル from 25 Jan to the end of February (7 + 28).
    expect(b.days).toEqual({ '2025-01': 7, '2025-02': 28 })
    expect(b.total).toBe(35)
    expect(days[0]!.name).toBe('報告テスト現場B')
    const csv = parseCsv(siteDaysCsv(days, period.months, { site: '現場', total: '合計' }))
    expect(csv[0]).toEqual(['現場', '2025-01', '2025-02', '合計'])
    expect(csv.find((r) => r[0] === '報告テスト現場A')).toEqual(['報告テスト現場A', '18', '2', '20'])
  })

  it('use per category: the share of elapsed time on sites', async () => {
    const use = await t.tenant(viewer, (tx) => utilisationByCategory(tx, period))
    const powerUse = use.find((c) => c.categoryId === power)!
    // Two power tools over 59 days: ドリル on sites from noon 10 Jan to the end (49.5 days), 丸のこ 3 days.
    expect(powerUse.tools).toBe(2)
    expect(powerUse.siteDays).toBeCloseTo(52.5, 1)
    expect(powerUse.share).toBeCloseTo(52.5 / (2 * 59), 3)
    expect(use.find((c) => c.categoryId === measuring)).toMatchObject({ tools: 2, siteDays: 0, share: 0 })
    expect(parseCsv(utilisationCsv(use, ['c', 'n', 'd', 's']))[1]![0]).toBe('電動工具')
  })
})

describe('cost analysis', () => {
  it('book values by the company method, repair costs, small assets expensed, unknowns counted apart', async () => {
    const settings = { ...defaultManagementSettings, lumpSumThirds: true }
    const costs = await t.tenant(viewer, (tx) => toolCosts(tx, settings, '2026-09-15'))
    const by = Object.fromEntries(costs.map((c) => [c.name, c]))
    // ¥1,000,000, 5 years, 定率法, from April 2024: the textbook schedule (tests/unit/depreciation.test.ts).
    expect(by['ドリル']).toMatchObject({ bookValue: 288_000, depreciationThisYear: 144_000, treatment: 'depreciated', usefulLife: 5 })
    expect(by['ドリル']!.bookValue).toBe(bookValue({ cost: 1_000_000, acquired: '2024-04-01', usefulLife: 5, method: 'declining_balance' }, '2026-09-15'))
    expect(by['丸のこ']).toMatchObject({ repairCost: 20_000, repairs: 2, treatment: 'lump_sum_thirds', bookValue: 50_000, usefulLife: 3 })
    expect(by['テスター']).toMatchObject({ treatment: 'expensed', bookValue: 0, depreciationThisYear: 0 })
    expect(by['値段不明']).toMatchObject({ bookValue: null, treatment: null })
    const straight = await t.tenant(viewer, (tx) => toolCosts(tx, { ...settings, depreciationMethod: 'straight_line' }, '2026-09-15'))
    expect(straight.find((c) => c.name === 'ドリル')!.bookValue).toBe(500_000)
    const { categories, total } = costsByCategory(costs)
    expect(total).toMatchObject({ tools: 5, purchase: 1_248_000, repair: 20_000, bookValue: 338_000, unknown: 2 })
    expect(categories.map((c) => c.name)).toEqual(['電動工具', '測定器'])
    const csv = parseCsv(costsCsv(costs, ['code', 'name', 'cat', 'date', 'price', 'life', 'n', 'repair', 'dep', 'book']))
    expect(csv.find((r) => r[1] === 'ドリル')!.slice(3)).toEqual(['2024-04-01', '1000000', '5', '0', '0', '144000', '288000'])
  })

  it('a tool bought after the day asked about, or with a life the tables lack, has no book value yet', async () => {
    await t.admin(`update tools set purchase_date = '2031-01-01' where id = $1`, [tools['テスター']])
    await t.admin(`update tools set useful_life_years = 40, purchase_price = 5000000, purchase_date = '2020-01-01' where id = $1`, [tools['値段不明']])
    const costs = await t.tenant(viewer, (tx) => toolCosts(tx, defaultManagementSettings, '2030-01-01'))
    expect(costs.find((c) => c.name === 'テスター')!.bookValue).toBeNull()
    expect(costs.find((c) => c.name === '値段不明')!.bookValue).toBeNull()
  })
})

describe('plan features', () => {
  it('premium gives charts and cost analysis, basic neither; a company row overrides its plan', async () => {
    expect(resolveFeatures('premium', [])).toEqual({ charts: true, cost_analysis: true })
    expect(resolveFeatures('basic', [])).toEqual({ charts: false, cost_analysis: false })
    expect(resolveFeatures('nonsense', [{ featureKey: 'charts', isEnabled: true }])).toEqual({ charts: true, cost_analysis: false })
    expect(resolveFeatures('premium', [{ featureKey: 'cost_analysis', isEnabled: false }])).toEqual({ charts: true, cost_analysis: false })
    expect(await t.tenant(viewer, (tx) => companyFeatures(tx))).toEqual({ charts: true, cost_analysis: true })
    // sakura-denki is on basic with a charts trial granted by the operator (seed).
    expect(await t.tenant(t.as('sakura-denki', 'viewer'), (tx) => companyFeatures(tx))).toEqual({ charts: true, cost_analysis: false })
  })

  it('members cannot grant themselves features', async () => {
    const tried = await t.tenant(t.as('sakura-denki', 'owner'), (tx) =>
      tx.execute(`insert into organization_features (organization_id, feature_key, is_enabled) values ('${B.id}', 'cost_analysis', true)` as never),
    ).catch((e: unknown) => e)
    expect(tried).toBeInstanceOf(Error)
  })
})

describe('dashboard figures', () => {
  it('counts tools and units by kind of place, and what is on each site', async () => {
    const summary = await t.tenant(viewer, (tx) => inventorySummary(tx))
    expect(summary).toMatchObject({ tools: 4, toolsOnSites: 1, toolsInWarehouses: 3, stockItems: 1, unitsInWarehouses: 10, unitsOnSites: 0 })
    const sites = await t.tenant(viewer, (tx) => sitesAtAGlance(tx))
    expect(sites.find((s) => s.name === '報告テスト現場B')).toMatchObject({ tools: 1, units: 0 })
  })
})

describe('持込機械等使用届', () => {
  it('lists the tools on the site and those about to be sent, with their last passed inspection', async () => {
    const list = await t.tenant(viewer, (tx) => carryInTools(tx, siteB, { extra: [tools['丸のこ']!] }))
    expect(list.map((l) => [l.name, l.atSite, l.arrivedOn, l.inspectedOn, l.inspector])).toEqual([
      ['ドリル', true, '2025-01-25', '2025-01-05', '鈴木 一郎'],
      ['丸のこ', false, null, null, null],
    ])
    expect(await t.tenant(viewer, (tx) => carryInTools(tx, siteB, { only: [] }))).toEqual([])
    expect((await t.tenant(viewer, (tx) => carryInTools(tx, siteB, { only: [tools['丸のこ']!] }))).map((l) => l.name)).toEqual(['丸のこ'])
  })

  it('reads the form: codes split and normalised, bad codes refused', () => {
    const ok = carryInInput.parse({ company: 'デモ建設', extra: 'ａ-0001, B-0002　c-0003', tool: 'x'.length ? [] : [] })
    expect(ok.extra).toEqual(['A-0001', 'B-0002', 'C-0003'])
    expect(carryInInput.parse({ company: 'x', extra: 'a123 A0002' }).extra).toEqual(['A-0123', 'A-0002'])
    expect(ok.submittedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(carryInInput.safeParse({ company: 'x', extra: 'nope' }).success).toBe(false)
    expect(carryInInput.safeParse({ company: '' }).success).toBe(false)
  })

  it('prints an A4 landscape form with the 参考様式第6号 columns, era date and one line per machine', async () => {
    const list = await t.tenant(viewer, (tx) => carryInTools(tx, siteB, { extra: [tools['丸のこ']!] }))
    const pdf = await renderCarryInPdf({
      submittedOn: '2026-11-23',
      siteName: '報告テスト現場B',
      siteAddress: '東京都江東区新木場2-4-1',
      addressee: '大成建設株式会社 新木場作業所',
      company: 'デモ建設株式会社',
      representative: '山田 太郎',
      user: 'デモ建設株式会社',
      leaveOn: '2030-12-31',
      arriveOn: '2030-03-01',
      notes: '漏電遮断器付きの延長コードを使用',
      tools: list,
    })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const text = pdfText(pdf)
    for (const s of ['持込機械等（電動工具・電気溶接機等）使用届', '参考様式第6号', '令和8年11月23日', '大成建設株式会社 新木場作業所', '報告テスト現場B', '山田 太郎']) {
      expect(text).toContain(s)
    }
    for (const s of ['番号', '機械名', '規格・性能', '管理番号', '持込年月日', '搬出予定年月日', '点検年月日', '点検者', '取扱者', '元請確認欄']) expect(text).toContain(s)
    expect(text).toMatch(/ドリル[\s\S]*マキタ TD173D/)
    expect(text).toContain('2025/01/25')
    expect(text).toContain('2030/03/01')
    expect(text).toContain('2030/12/31')
    expect(text).toContain('漏電遮断器付きの延長コードを使用')
    expect(pdfPageCount(pdf)).toBe(1)
    const many = await renderCarryInPdf({ ...{ submittedOn: '2026-11-23', siteName: 's', siteAddress: null, addressee: '', company: 'c', representative: '', user: 'c', leaveOn: null, arriveOn: '2026-11-23', notes: '' }, tools: Array.from({ length: 14 }, () => list[0]!) })
    expect(pdfPageCount(many)).toBe(2)
    expect(pdfText(many)).toMatch(/2 ?\/ ?2/)
    expect(eraDate('2019-05-01')).toBe('令和元年5月1日')
  })
})
