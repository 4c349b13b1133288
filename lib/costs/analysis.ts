import { sql } from 'drizzle-orm'
import type { Tx } from '../db'
import { rows } from '../db/sql'
import type { ManagementSettings } from '../maintenance/settings'
import { bookValue, depreciationSchedule, supportedLives, type Treatment } from './depreciation'

/*
 * コスト分析 (seed 004 §13, §2.2 減価償却管理): what each tool cost to buy and to repair, and what it is worth on the
 * books today under the company's method (定率法 by default), fiscal year and small-asset rules.
 */

export interface ToolCost {
  id: string
  toolCode: string
  name: string
  categoryId: string
  categoryName: string
  purchaseDate: string | null
  purchasePrice: number | null
  usefulLife: number | null
  /** Sum of the costs recorded on its repairs. */
  repairCost: number
  repairs: number
  /** null when it cannot be worked out (no price, date or a useful life without rates). */
  bookValue: number | null
  /** Depreciation charged in the current fiscal year. */
  depreciationThisYear: number | null
  treatment: Treatment | null
}

export interface CategoryCost {
  categoryId: string
  name: string
  tools: number
  purchase: number
  repair: number
  bookValue: number
  depreciationThisYear: number
  /** Tools whose book value is unknown (no price or date). */
  unknown: number
}

/** The fiscal year (by its ending calendar year) that a date falls in. */
function fiscalYearEnding(date: string, endMonth: number): number {
  const y = Number(date.slice(0, 4))
  return Number(date.slice(5, 7)) > endMonth ? y + 1 : y
}

/** Every tool in use (individual and counted), with its purchase, repair cost and book value on `today`. */
export async function toolCosts(tx: Tx, settings: ManagementSettings, today: string): Promise<ToolCost[]> {
  const found = await rows<Omit<ToolCost, 'bookValue' | 'depreciationThisYear' | 'treatment'>>(
    tx,
    sql`select t.id, t.tool_code as "toolCode", t.name, t.category_id as "categoryId", c.name as "categoryName",
          t.purchase_date::text as "purchaseDate", t.purchase_price::float8 as "purchasePrice",
          coalesce(t.useful_life_years, c.useful_life_years) as "usefulLife",
          coalesce(r.cost, 0)::float8 as "repairCost", coalesce(r.n, 0)::int as repairs
        from tools t
        join tool_categories c on c.organization_id = t.organization_id and c.id = t.category_id
        left join lateral (select sum(x.cost) as cost, count(*) as n from repair_records x where x.organization_id = t.organization_id and x.tool_id = t.id) r on true
        where t.deleted_at is null and t.status <> 'disposed'
        order by c.display_order, t.tool_code`,
  )
  const currentFy = fiscalYearEnding(today, settings.fiscalYearEndMonth)
  return found.map((t) => {
    if (t.purchasePrice === null || !t.purchaseDate || t.purchaseDate > today) return { ...t, bookValue: null, depreciationThisYear: null, treatment: null }
    const life = t.usefulLife && supportedLives.includes(t.usefulLife) ? t.usefulLife : null
    const input = {
      cost: t.purchasePrice,
      acquired: t.purchaseDate,
      usefulLife: life ?? 0,
      method: settings.depreciationMethod,
      fiscalYearEndMonth: settings.fiscalYearEndMonth,
      expenseThreshold: settings.expenseThreshold,
      lumpSumThirds: settings.lumpSumThirds,
    }
    // Small assets need no useful life; anything depreciated does.
    const small = t.purchasePrice < settings.expenseThreshold || (settings.lumpSumThirds && t.purchasePrice < 200_000)
    if (!life && !small) return { ...t, bookValue: null, depreciationThisYear: null, treatment: null }
    const schedule = depreciationSchedule(input)
    const row = schedule.rows.find((r) => r.fiscalYearEnding === currentFy)
    return { ...t, bookValue: bookValue(input, today), depreciationThisYear: row?.depreciation ?? 0, treatment: schedule.treatment }
  })
}

/** Totals per category (in display order) and for the company. */
export function costsByCategory(items: ToolCost[]): { categories: CategoryCost[]; total: Omit<CategoryCost, 'categoryId' | 'name'> } {
  const byCategory = new Map<string, CategoryCost>()
  for (const t of items) {
    if (!byCategory.has(t.categoryId)) {
      byCategory.set(t.categoryId, { categoryId: t.categoryId, name: t.categoryName, tools: 0, purchase: 0, repair: 0, bookValue: 0, depreciationThisYear: 0, unknown: 0 })
    }
    const c = byCategory.get(t.categoryId)!
    c.tools++
    c.purchase += t.purchasePrice ?? 0
    c.repair += t.repairCost
    c.bookValue += t.bookValue ?? 0
    c.depreciationThisYear += t.depreciationThisYear ?? 0
    if (t.bookValue === null) c.unknown++
  }
  const categories = [...byCategory.values()]
  const sum = (k: 'tools' | 'purchase' | 'repair' | 'bookValue' | 'depreciationThisYear' | 'unknown') => categories.reduce((a, c) => a + c[k], 0)
  return {
    categories,
    total: { tools: sum('tools'), purchase: sum('purchase'), repair: sum('repair'), bookValue: sum('bookValue'), depreciationThisYear: sum('depreciationThisYear'), unknown: sum('unknown') },
  }
}
