import 'server-only'
import en from '../../messages/en.json'
import ja from '../../messages/ja.json'
import { encodeCsv, type CsvEncoding } from '../csv/encoding'
import { toCsv } from '../csv/format'
import type { Tx } from '../db'
import { todayIso } from '../validation'
import { allMovements, type MovementFilters } from './queries'

export type CsvLocale = 'ja' | 'en'

/** The export's columns, in order; headers are the movementHistory.columns messages. */
export const movementColumns = ['movedAt', 'type', 'toolCode', 'toolName', 'quantity', 'unit', 'from', 'to', 'user', 'holder', 'note', 'source'] as const

// Excel reads "2026/11/23 08:05" as a date and time; Japan's clock, where the moves happen.
const excelTime = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

/** Moves matching the page's filters, oldest first, as a CSV Japanese Excel opens as it is (UTF-8 with BOM, or Shift_JIS). */
export async function exportMovementsCsv(
  tx: Tx,
  params: { filters?: MovementFilters; encoding?: CsvEncoding; locale?: CsvLocale; max?: number } = {},
): Promise<{ body: Buffer; fileName: string; contentType: string; count: number; truncated: boolean }> {
  const encoding = params.encoding ?? 'utf-8'
  const m = (params.locale === 'en' ? en : ja).movementHistory
  const max = params.max ?? 100_000
  const { cursor: _cursor, limit: _limit, ...filters } = params.filters ?? {}
  const moves = await allMovements(tx, filters, max + 1)
  const lines: (string | number | null)[][] = [movementColumns.map((c) => m.columns[c])]
  for (const row of moves.slice(0, max)) {
    lines.push([
      excelTime.format(row.movedAt),
      m.types[row.type],
      row.toolCode,
      row.toolName,
      row.quantity,
      row.unit,
      row.fromName,
      row.toName,
      row.userName,
      row.holderName,
      row.note,
      m.sources[row.source],
    ])
  }
  return {
    body: encodeCsv(toCsv(lines), encoding),
    fileName: `movements-${todayIso().replace(/-/g, '')}${encoding === 'shift_jis' ? '-sjis' : ''}.csv`,
    contentType: `text/csv; charset=${encoding === 'utf-8' ? 'utf-8' : 'Shift_JIS'}`,
    count: Math.min(moves.length, max),
    truncated: moves.length > max,
  }
}
