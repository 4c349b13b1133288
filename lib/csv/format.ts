import { parse } from 'csv-parse/sync'

/** Rows of cells from CSV text (quoted cells, embedded commas and line breaks, CRLF or LF). Blank lines are skipped. */
export function parseCsv(text: string): string[][] {
  return parse(text, { relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][]
}

// Excel runs a cell starting with one of these as a formula; a leading apostrophe makes it plain text.
const FORMULA = /^[=+\-@\t\r]/

function cell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value)
  if (typeof value === 'string' && FORMULA.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** CSV text with CRLF line ends, as Excel writes it. */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}

/** Undoes the export's formula guard: "'=SUM(…)" read back is "=SUM(…)". */
export function unguard(value: string): string {
  return value.length > 1 && value[0] === "'" && FORMULA.test(value.slice(1)) ? value.slice(1) : value
}
