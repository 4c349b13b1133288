import 'server-only'
import type { Tx } from '../db'
import { listFieldDefinitions } from '../custom-fields/queries'
import { listTools } from '../tools/queries'
import type { ToolListQuery } from '../tools/schemas'
import { todayIso } from '../validation'
import { columnHeader, managementLabel, statusLabel, toolColumns, type CsvLocale } from './columns'
import { encodeCsv, type CsvEncoding } from './encoding'
import { toCsv } from './format'

/**
 * The register (or the list's current filters) as a CSV that Japanese Excel opens as it is: UTF-8 with BOM by
 * default, Shift_JIS (CP932) on request. Custom fields follow the standard columns; the file imports back.
 */
export async function exportToolsCsv(
  tx: Tx,
  params: { encoding?: CsvEncoding; locale?: CsvLocale; query?: ToolListQuery } = {},
): Promise<{ body: Buffer; fileName: string; contentType: string; count: number }> {
  const encoding = params.encoding ?? 'utf-8'
  const locale = params.locale ?? 'ja'
  const defs = await listFieldDefinitions(tx, { entityType: 'tool' })
  const lines: (string | number | null)[][] = [[...toolColumns.map((c) => columnHeader(c, locale)), ...defs.map((d) => d.label)]]
  let cursor: string | undefined
  do {
    const page = await listTools(tx, { ...params.query, sort: 'code', dir: 'asc', limit: 200, cursor })
    for (const t of page.items) {
      const select = (key: string, v: unknown) => {
        const choice = defs.find((d) => d.fieldKey === key)?.options.choices?.find((c) => c.value === v)
        return choice ? choice.label : (v as string | number)
      }
      lines.push([
        t.toolCode,
        t.categoryName,
        t.name,
        t.modelNumber,
        t.manufacturer,
        t.serialNumber,
        t.purchaseDate,
        t.purchasePrice,
        t.usefulLifeYears,
        t.statusLabel ?? statusLabel(t.status, locale),
        t.locationName,
        t.holderName,
        managementLabel(t.managementType, locale),
        t.currentQuantity,
        t.unit,
        t.minStockAlert,
        t.notes,
        ...defs.map((d) => (t.customFields[d.fieldKey] === undefined ? null : select(d.fieldKey, t.customFields[d.fieldKey]))),
      ])
    }
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return {
    body: encodeCsv(toCsv(lines), encoding),
    fileName: `tools-${todayIso().replace(/-/g, '')}${encoding === 'shift_jis' ? '-sjis' : ''}.csv`,
    contentType: `text/csv; charset=${encoding === 'utf-8' ? 'utf-8' : 'Shift_JIS'}`,
    count: lines.length - 1,
  }
}
