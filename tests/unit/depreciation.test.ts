import { describe, expect, it } from 'vitest'
import { bookValue, depreciationSchedule } from '@/lib/costs/depreciation'

const closings = (s: ReturnType<typeof depreciationSchedule>) => s.rows.map((r) => r.closing)
const amounts = (s: ReturnType<typeof depreciationSchedule>) => s.rows.map((r) => r.depreciation)

describe('定額法 (straight-line)', () => {
  it('¥1,000,000 over 5 years from April: ¥200,000 a year, ending at the ¥1 memo value', () => {
    const s = depreciationSchedule({ cost: 1_000_000, acquired: '2024-04-10', usefulLife: 5, method: 'straight_line' })
    expect(amounts(s)).toEqual([200_000, 200_000, 200_000, 200_000, 199_999])
    expect(closings(s)).toEqual([800_000, 600_000, 400_000, 200_000, 1])
    expect(s.rows[0]!.fiscalYearEnding).toBe(2025)
  })

  it('pro-rates the first year by months in service (October in a March year: 6/12)', () => {
    const s = depreciationSchedule({ cost: 1_000_000, acquired: '2024-10-01', usefulLife: 5, method: 'straight_line' })
    expect(s.rows[0]).toEqual({ fiscalYearEnding: 2025, months: 6, opening: 1_000_000, depreciation: 100_000, closing: 900_000 })
    expect(s.rows.at(-1)!.closing).toBe(1)
    expect(s.rows).toHaveLength(6)
  })

  it('uses the table rate, not 1/n (3 years: 0.334)', () => {
    const s = depreciationSchedule({ cost: 300_000, acquired: '2024-04-01', usefulLife: 3, method: 'straight_line' })
    expect(amounts(s)).toEqual([100_200, 100_200, 99_599])
  })
})

describe('定率法 (200% declining balance)', () => {
  it('¥1,000,000 over 5 years (0.400 / 改定 0.500 / 保証率 0.108): the textbook schedule', () => {
    const s = depreciationSchedule({ cost: 1_000_000, acquired: '2024-04-01', usefulLife: 5, method: 'declining_balance' })
    expect(amounts(s)).toEqual([400_000, 240_000, 144_000, 108_000, 107_999])
    expect(closings(s)).toEqual([600_000, 360_000, 216_000, 108_000, 1])
  })

  it('¥1,000,000 over 6 years (0.333 / 改定 0.334 / 保証率 0.09911) switches in year 4', () => {
    const s = depreciationSchedule({ cost: 1_000_000, acquired: '2024-04-01', usefulLife: 6, method: 'declining_balance' })
    expect(amounts(s)).toEqual([333_000, 222_111, 148_148, 99_111, 99_111, 98_518])
    expect(s.rows.at(-1)!.closing).toBe(1)
  })

  it('pro-rates the first year by months', () => {
    const s = depreciationSchedule({ cost: 1_000_000, acquired: '2025-01-15', usefulLife: 5, method: 'declining_balance' })
    expect(s.rows[0]).toMatchObject({ months: 3, depreciation: 100_000, closing: 900_000 })
  })

  it('follows a fiscal year that ends in December', () => {
    const s = depreciationSchedule({ cost: 1_000_000, acquired: '2024-07-01', usefulLife: 5, method: 'declining_balance', fiscalYearEndMonth: 12 })
    expect(s.rows[0]).toMatchObject({ fiscalYearEnding: 2024, months: 6, depreciation: 200_000 })
  })
})

describe('small assets', () => {
  it('expenses items under ¥100,000 at once', () => {
    const s = depreciationSchedule({ cost: 98_000, acquired: '2024-05-01', usefulLife: 5, method: 'declining_balance' })
    expect(s.treatment).toBe('expensed')
    expect(closings(s)).toEqual([0])
  })

  it('writes ¥100,000–¥199,999 off in equal thirds when chosen (一括償却資産)', () => {
    const s = depreciationSchedule({ cost: 150_001, acquired: '2024-11-01', usefulLife: 5, method: 'declining_balance', lumpSumThirds: true })
    expect(s.treatment).toBe('lump_sum_thirds')
    expect(amounts(s)).toEqual([50_000, 50_000, 50_001])
  })

  it('expenses up to the small-company threshold when the company uses it', () => {
    expect(depreciationSchedule({ cost: 280_000, acquired: '2024-05-01', usefulLife: 5, method: 'straight_line', expenseThreshold: 300_000 }).treatment).toBe('expensed')
  })
})

describe('bookValue', () => {
  const item = { cost: 1_000_000, acquired: '2024-04-01', usefulLife: 5, method: 'declining_balance' as const }

  it('is the cost before acquisition and after closed years their closing value', () => {
    expect(bookValue(item, '2024-03-31')).toBe(1_000_000)
    expect(bookValue(item, '2026-03-31')).toBe(360_000)
  })

  it('pro-rates the current fiscal year by months elapsed', () => {
    // FY ending 2027: 144,000 for the year; April–September elapsed = 6 months → 72,000.
    expect(bookValue(item, '2026-09-15')).toBe(288_000)
  })

  it('stays at ¥1 once fully depreciated, and 0 for expensed items', () => {
    expect(bookValue(item, '2035-01-01')).toBe(1)
    expect(bookValue({ ...item, cost: 50_000 }, '2024-06-01')).toBe(0)
  })

  it('refuses a life it has no rates for, or a bad date', () => {
    expect(() => depreciationSchedule({ ...item, usefulLife: 40 })).toThrow(/useful life/)
    expect(() => bookValue(item, '2024/01/01')).toThrow(/date/)
  })
})
