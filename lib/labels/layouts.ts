/** Label stock Genba prints on (A4 sheets for office printers, tape for label printers). All sizes in mm. */

export interface SheetLayout {
  kind: 'sheet'
  id: 'a4-10' | 'a4-12' | 'a4-24' | 'a4-44' | 'a4-65'
  products: string[]
  columns: number
  rows: number
  labelW: number
  labelH: number
  marginLeft: number
  marginTop: number
  pitchX: number
  pitchY: number
  /** The QR's side, quiet zone included. */
  qr: number
  /** Small labels carry only the tool_code beside the QR. */
  text: 'full' | 'code'
}

export interface TapeLayout {
  kind: 'tape'
  id: 'tape-24' | 'tape-36'
  products: string[]
  /** Tape width = the page height. */
  tape: number
  /** Length of one label along the tape. */
  length: number
  qr: number
  text: 'full'
}

export type LabelLayout = SheetLayout | TapeLayout
export type LayoutId = LabelLayout['id']

// From DOMAIN-JP.md (エーワン/A-one, ヒサゴ, コクヨ product sheets).
const sheets: SheetLayout[] = [
  { kind: 'sheet', id: 'a4-10', products: ['エーワン 72110'], columns: 2, rows: 5, labelW: 91, labelH: 55, marginLeft: 14, marginTop: 11, pitchX: 91, pitchY: 55, qr: 40, text: 'full' },
  { kind: 'sheet', id: 'a4-12', products: ['エーワン 72212', 'ヒサゴ ELM008', 'コクヨ KPC-E1121'], columns: 2, rows: 6, labelW: 86.4, labelH: 42.3, marginLeft: 18.6, marginTop: 21.2, pitchX: 86.4, pitchY: 42.3, qr: 34, text: 'full' },
  { kind: 'sheet', id: 'a4-24', products: ['エーワン 72224', 'ヒサゴ ELM012'], columns: 3, rows: 8, labelW: 66, labelH: 33.9, marginLeft: 6, marginTop: 12.9, pitchX: 66, pitchY: 33.9, qr: 28, text: 'full' },
  { kind: 'sheet', id: 'a4-44', products: ['エーワン 72244', 'ヒサゴ ELM022'], columns: 4, rows: 11, labelW: 48.3, labelH: 25.4, marginLeft: 8.4, marginTop: 8.8, pitchX: 48.3, pitchY: 25.4, qr: 25, text: 'code' },
  { kind: 'sheet', id: 'a4-65', products: ['エーワン 72265'], columns: 5, rows: 13, labelW: 38.1, labelH: 21.2, marginLeft: 9.75, marginTop: 10.7, pitchX: 38.1, pitchY: 21.2, qr: 20, text: 'code' },
]

// Brother P-touch TZe / KING JIM TEPRA. A 24 mm tape prints about 18 mm of its width, so its QR cannot reach 25 mm.
const tapes: TapeLayout[] = [
  { kind: 'tape', id: 'tape-24', products: ['P-touch TZe 24mm', 'TEPRA 24mm'], tape: 24, length: 60, qr: 18, text: 'full' },
  { kind: 'tape', id: 'tape-36', products: ['P-touch TZe 36mm', 'TEPRA 36mm'], tape: 36, length: 80, qr: 30, text: 'full' },
]

export const layouts: LabelLayout[] = [...sheets, ...tapes]
export const layoutIds = layouts.map((l) => l.id) as [LayoutId, ...LayoutId[]]

export function layoutById(id: LayoutId): LabelLayout {
  const found = layouts.find((l) => l.id === id)
  if (!found) throw new Error(`unknown label layout ${id}`)
  return found
}

/** Labels per page: a sheet's grid, or one per tape label. */
export const perPage = (layout: LabelLayout) => (layout.kind === 'sheet' ? layout.columns * layout.rows : 1)

/** The smallest QR side that Genba promises for a reliable scan at arm's length (seed 004 §7.1). */
export const MIN_QR_MM = 25
