import type { ToolCost } from '../costs/analysis'
import { toCsv } from '../csv/format'
import type { MovesByMonth, SiteDays, CategoryUse } from './queries'

/*
 * The reports as CSV (seed 004 §10.1 基本レポート（CSV出力）): the same figures as the screen, one header row of
 * labels in the reader's language (given by the caller), one row per month, site, category or tool.
 */

export function movesCsv(rows: MovesByMonth[], head: string[]): string {
  return toCsv([head, ...rows.map((r) => [r.month, r.counts.checkout, r.counts.checkin, r.counts.transfer, r.counts.consume, r.total])])
}

export function siteDaysCsv(rows: SiteDays[], months: string[], head: { site: string; total: string }): string {
  return toCsv([[head.site, ...months, head.total], ...rows.map((r) => [r.name, ...months.map((m) => r.days[m] ?? 0), r.total])])
}

export function utilisationCsv(rows: CategoryUse[], head: string[]): string {
  return toCsv([head, ...rows.map((r) => [r.name, r.tools, r.siteDays, (r.share * 100).toFixed(1)])])
}

export function costsCsv(rows: ToolCost[], head: string[]): string {
  return toCsv([
    head,
    ...rows.map((r) => [r.toolCode, r.name, r.categoryName, r.purchaseDate, r.purchasePrice, r.usefulLife, r.repairs, r.repairCost, r.depreciationThisYear, r.bookValue]),
  ])
}
