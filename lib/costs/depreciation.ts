/**
 * Depreciation under Japanese tax rules (減価償却), in integer yen.
 * - 定額法 (straight-line): cost × rate for the useful life, first year pro-rated by months.
 * - 定率法 (200% declining balance, assets acquired from 2012-04-01): book value × rate until that falls
 *   below the guarantee amount (cost × 保証率), then the book value at that point × 改定償却率 each year.
 * Both stop at a memo value of ¥1 (備忘価額). Amounts are rounded down to the yen.
 * Small assets: under ¥100,000 are expensed at once; ¥100,000 to under ¥200,000 may be written off in
 * equal thirds over three years (一括償却資産); a company may expense items under a higher threshold
 * (中小企業者の少額減価償却資産の特例, ¥300,000).
 */

export type Method = 'straight_line' | 'declining_balance'

/** 別表第八 (定額法) and 別表第十 (200% 定率法): rate, revised rate, guarantee rate, by useful life. */
const tables: Record<number, { straight: number; declining: number; revised: number | null; guarantee: number | null }> = {
  2: { straight: 0.5, declining: 1.0, revised: null, guarantee: null },
  3: { straight: 0.334, declining: 0.667, revised: 1.0, guarantee: 0.11089 },
  4: { straight: 0.25, declining: 0.5, revised: 1.0, guarantee: 0.12499 },
  5: { straight: 0.2, declining: 0.4, revised: 0.5, guarantee: 0.108 },
  6: { straight: 0.167, declining: 0.333, revised: 0.334, guarantee: 0.09911 },
  7: { straight: 0.143, declining: 0.286, revised: 0.334, guarantee: 0.0868 },
  8: { straight: 0.125, declining: 0.25, revised: 0.334, guarantee: 0.07909 },
  9: { straight: 0.112, declining: 0.222, revised: 0.25, guarantee: 0.07126 },
  10: { straight: 0.1, declining: 0.2, revised: 0.25, guarantee: 0.06552 },
  11: { straight: 0.091, declining: 0.182, revised: 0.2, guarantee: 0.05992 },
  12: { straight: 0.084, declining: 0.167, revised: 0.2, guarantee: 0.05566 },
  13: { straight: 0.077, declining: 0.154, revised: 0.167, guarantee: 0.0518 },
  14: { straight: 0.072, declining: 0.143, revised: 0.167, guarantee: 0.04854 },
  15: { straight: 0.067, declining: 0.133, revised: 0.143, guarantee: 0.04565 },
}

export const supportedLives = Object.keys(tables).map(Number)

export interface DepreciationInput {
  /** Acquisition cost in yen. */
  cost: number
  /** Acquisition (in-service) date, YYYY-MM-DD. */
  acquired: string
  usefulLife: number
  method: Method
  /** Month (1–12) the company's fiscal year ends in; 3 = March, the usual Japanese year. */
  fiscalYearEndMonth?: number
  /** Items under this are expensed at once (¥100,000, or ¥300,000 under the small-company rule). */
  expenseThreshold?: number
  /** Write ¥100,000–¥199,999 items off in equal thirds (一括償却資産). */
  lumpSumThirds?: boolean
}

export interface YearRow {
  /** The calendar year in which the fiscal year ends (FY ending 2025-03 → 2025). */
  fiscalYearEnding: number
  months: number
  opening: number
  depreciation: number
  closing: number
}

export type Treatment = 'depreciated' | 'expensed' | 'lump_sum_thirds'

export interface Schedule {
  treatment: Treatment
  rows: YearRow[]
}

const floorYen = (v: number) => Math.floor(v + 1e-9)

function parseYm(date: string): { y: number; m: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) throw new Error(`not a date: ${date}`)
  return { y: Number(match[1]), m: Number(match[2]) }
}

/** The fiscal year (by its ending calendar year) a month falls in, and months left in it counting this one. */
function fiscalPosition(y: number, m: number, endMonth: number) {
  const ending = m > endMonth ? y + 1 : y
  const monthsLeft = ((endMonth - m + 12) % 12) + 1
  return { ending, monthsLeft }
}

/** The whole schedule, one row per fiscal year, from acquisition until the book value reaches its end. */
export function depreciationSchedule(input: DepreciationInput): Schedule {
  const cost = Math.trunc(input.cost)
  const endMonth = input.fiscalYearEndMonth ?? 3
  const { y, m } = parseYm(input.acquired)
  const first = fiscalPosition(y, m, endMonth)
  if (cost < (input.expenseThreshold ?? 100_000)) {
    return { treatment: 'expensed', rows: [{ fiscalYearEnding: first.ending, months: first.monthsLeft, opening: cost, depreciation: cost, closing: 0 }] }
  }
  if (input.lumpSumThirds && cost < 200_000) {
    const third = floorYen(cost / 3)
    const rows = [third, third, cost - 2 * third].map((d, i) => ({
      fiscalYearEnding: first.ending + i,
      months: 12,
      opening: cost - third * i,
      depreciation: d,
      closing: i === 2 ? 0 : cost - third * (i + 1),
    }))
    return { treatment: 'lump_sum_thirds', rows }
  }
  const table = tables[input.usefulLife]
  if (!table) throw new Error(`no depreciation rates for a useful life of ${input.usefulLife} years`)

  const rows: YearRow[] = []
  let book = cost
  let revisedBase: number | null = null
  const guaranteeAmount = table.guarantee === null ? 0 : floorYen(cost * table.guarantee)
  for (let i = 0; book > 1 && i < 100; i++) {
    const months = i === 0 ? first.monthsLeft : 12
    let full: number
    if (input.method === 'straight_line') {
      full = floorYen(cost * table.straight)
    } else {
      const plain = floorYen(book * table.declining)
      if (revisedBase === null && table.revised !== null && plain < guaranteeAmount) revisedBase = book
      full = revisedBase !== null ? floorYen(revisedBase * table.revised!) : plain
    }
    const amount = Math.min(floorYen((full * months) / 12), book - 1)
    rows.push({ fiscalYearEnding: first.ending + i, months, opening: book, depreciation: amount, closing: book - amount })
    book -= amount
  }
  return { treatment: 'depreciated', rows }
}

/**
 * Book value on a date: closed fiscal years in full, the current one pro-rated by the months elapsed
 * (the month of `on` included). Before acquisition it is the cost.
 */
export function bookValue(input: DepreciationInput, on: string): number {
  const schedule = depreciationSchedule(input)
  const endMonth = input.fiscalYearEndMonth ?? 3
  const at = parseYm(on)
  const acquired = parseYm(input.acquired)
  if (at.y * 12 + at.m < acquired.y * 12 + acquired.m) return Math.trunc(input.cost)
  const current = fiscalPosition(at.y, at.m, endMonth)
  let value = Math.trunc(input.cost)
  for (const row of schedule.rows) {
    if (row.fiscalYearEnding < current.ending) value = row.closing
    else if (row.fiscalYearEnding === current.ending) {
      const elapsed = row.months - (current.monthsLeft - 1)
      value = row.opening - (schedule.treatment === 'depreciated' ? floorYen((row.depreciation * Math.max(elapsed, 0)) / row.months) : row.depreciation)
    }
  }
  return value
}
