import en from '../../messages/en.json'
import ja from '../../messages/ja.json'

/** The register's CSV columns, in export order. Headers are the csv.columns messages, Japanese or English. */
export const toolColumns = [
  'toolCode',
  'category',
  'name',
  'modelNumber',
  'manufacturer',
  'serialNumber',
  'purchaseDate',
  'purchasePrice',
  'usefulLifeYears',
  'status',
  'location',
  'holder',
  'managementType',
  'currentQuantity',
  'unit',
  'minStockAlert',
  'notes',
] as const
export type ToolColumn = (typeof toolColumns)[number]

/** Written on export, ignored on import (a holder changes by scanning, not by a spreadsheet). */
export const exportOnly: ToolColumn[] = ['holder']

export type CsvLocale = 'ja' | 'en'
const catalogues = { ja, en }

export const columnHeader = (column: ToolColumn, locale: CsvLocale) => catalogues[locale].csv.columns[column]
export const statusLabel = (status: string, locale: CsvLocale) => catalogues[locale].toolStatuses.builtIn[status as 'normal']
export const managementLabel = (type: string, locale: CsvLocale) => catalogues[locale].tools.managementType[type as 'individual']

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase()

/** Which column a header names: Japanese or English header, or the column's key itself. */
export function columnForHeader(header: string): ToolColumn | null {
  const h = squash(header)
  return toolColumns.find((c) => [c, columnHeader(c, 'ja'), columnHeader(c, 'en')].some((x) => squash(x) === h)) ?? null
}

/** The built-in status a cell names, in either language or as its key. */
export function statusForLabel(label: string): string | null {
  const l = squash(label)
  return ['normal', 'repair', 'broken', 'disposed'].find((s) => [s, statusLabel(s, 'ja'), statusLabel(s, 'en')].some((x) => squash(x) === l)) ?? null
}

export function managementForLabel(label: string): 'individual' | 'quantity' | null {
  const l = squash(label)
  const aliases: Record<'individual' | 'quantity', string[]> = { individual: ['個別', '個体管理'], quantity: ['数量', '消耗品'] }
  return (
    (['individual', 'quantity'] as const).find((t) =>
      [t, managementLabel(t, 'ja'), managementLabel(t, 'en'), ...aliases[t]].some((x) => squash(x) === l),
    ) ?? null
  )
}

export { squash }
