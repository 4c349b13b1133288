import PDFDocument from 'pdfkit'
import QRCode from 'qrcode'
import { registerJapaneseFonts } from '../pdf/fonts'
import { layoutById, perPage, type LabelLayout, type LayoutId } from './layouts'

export interface LabelContent {
  /** What the QR encodes: the tool's scan URL. */
  url: string
  /** tool_code; null on a blank (not yet claimed) label. */
  code: string | null
  name: string | null
  company: string
}

export interface LabelJob {
  layout: LayoutId
  labels: LabelContent[]
  /** Skip this many positions on the first sheet (a sheet partly used before). */
  skip?: number
  /** Printer calibration: shifts everything right/down by this many mm (may be negative). */
  offset?: { x: number; y: number }
  /** Text on blank labels in place of a name. */
  blankText?: string
}

const PT_PER_MM = 72 / 25.4
const mm = (value: number) => value * PT_PER_MM

/** Draws a QR code as vector squares (crisp at any printer resolution), error correction H, 2-module quiet zone. */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, side: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'H' })
  const n = qr.modules.size
  const quiet = 2
  const cell = side / (n + quiet * 2)
  doc.save().rect(x, y, side, side).fill('#ffffff')
  doc.fillColor('#000000')
  for (let row = 0; row < n; row++) {
    let run = -1
    for (let col = 0; col <= n; col++) {
      const dark = col < n && qr.modules.get(row, col)
      if (dark && run < 0) run = col
      if (!dark && run >= 0) {
        doc.rect(x + (quiet + run) * cell, y + (quiet + row) * cell, (col - run) * cell + 0.01, cell + 0.01)
        run = -1
      }
    }
  }
  doc.fill().restore()
}

/** Breaks Japanese text (no spaces) anywhere, into at most `maxLines` lines of `width`, ending with … if cut. */
function fitLines(doc: PDFKit.PDFDocument, text: string, width: number, maxLines: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const ch of [...text]) {
    if (doc.widthOfString(line + ch) > width) {
      lines.push(line)
      line = ch
      if (lines.length === maxLines) break
    } else line += ch
  }
  if (lines.length < maxLines) lines.push(line)
  else if ([...lines.join('')].length < [...text].length) {
    let last = lines[maxLines - 1]!
    while (last && doc.widthOfString(last + '…') > width) last = last.slice(0, -1)
    lines[maxLines - 1] = last + '…'
  }
  return lines.filter((l) => l.length > 0)
}

function drawLabel(doc: PDFKit.PDFDocument, layout: LabelLayout, label: LabelContent, x: number, y: number, w: number, h: number, blankText: string) {
  const qr = mm(layout.qr)
  const pad = mm(1.5)
  const qrY = y + (h - qr) / 2
  drawQr(doc, label.url, x + Math.max(0, Math.min(pad, (h - qr) / 2)), qrY, qr)
  const textX = x + qr + pad * 1.5
  const textW = w - (textX - x) - pad
  if (textW < mm(8)) return
  const code = label.code ?? '—'
  // The code is what people read aloud and type: as large as the space allows.
  let codeSize = Math.min(mm(layout.text === 'code' ? 5 : 6), h / 4)
  doc.font('bold')
  while (codeSize > 5 && doc.fontSize(codeSize).widthOfString(code) > textW) codeSize -= 0.5
  let cursor = y + pad
  doc.fillColor('#000000').fontSize(codeSize).text(code, textX, cursor, { width: textW, lineBreak: false })
  cursor += codeSize * 1.3
  if (layout.text === 'full') {
    const nameSize = Math.min(mm(3.2), codeSize * 0.7)
    doc.font('regular').fontSize(nameSize)
    const maxLines = Math.max(1, Math.floor((y + h - pad - cursor - nameSize * 1.4) / (nameSize * 1.25)))
    for (const line of fitLines(doc, label.name ?? blankText, textW, maxLines)) {
      doc.text(line, textX, cursor, { width: textW, lineBreak: false })
      cursor += nameSize * 1.25
    }
  }
  const companySize = Math.min(mm(2.4), h / 9)
  doc.font('regular').fontSize(companySize).fillColor('#333333')
  const company = fitLines(doc, label.company, textW, 1)[0] ?? ''
  doc.text(company, textX, y + h - pad - companySize * 1.2, { width: textW, lineBreak: false })
}

/** A PDF of labels for the chosen stock: A4 sheets filled left to right, top to bottom, or one page per tape label. */
export async function renderLabelsPdf(job: LabelJob): Promise<Buffer> {
  const layout = layoutById(job.layout)
  const dx = mm(job.offset?.x ?? 0)
  const dy = mm(job.offset?.y ?? 0)
  const size: [number, number] = layout.kind === 'sheet' ? [mm(210), mm(297)] : [mm(layout.length), mm(layout.tape)]
  const doc = new PDFDocument({ size, margin: 0, autoFirstPage: false, info: { Title: 'Genba labels', Producer: 'Genba' } })
  registerJapaneseFonts(doc)
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  const slots = perPage(layout)
  const skip = layout.kind === 'sheet' ? Math.min(Math.max(job.skip ?? 0, 0), slots - 1) : 0
  job.labels.forEach((label, i) => {
    const position = i + skip
    const slot = position % slots
    if (slot === 0 || i === 0) doc.addPage({ size, margin: 0 })
    if (layout.kind === 'sheet') {
      const col = slot % layout.columns
      const row = Math.floor(slot / layout.columns)
      const x = mm(layout.marginLeft + col * layout.pitchX) + dx
      const y = mm(layout.marginTop + row * layout.pitchY) + dy
      drawLabel(doc, layout, label, x, y, mm(layout.labelW), mm(layout.labelH), job.blankText ?? '')
    } else {
      drawLabel(doc, layout, label, dx, dy, mm(layout.length), mm(layout.tape), job.blankText ?? '')
    }
  })
  if (job.labels.length === 0) doc.addPage({ size, margin: 0 })
  doc.end()
  return done
}
