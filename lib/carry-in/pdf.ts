import PDFDocument from 'pdfkit'
import ja from '../../messages/ja.json'
import { pdfBytes, registerJapaneseFonts } from '../pdf/fonts'
import type { CarryInTool } from './queries'

/*
 * 持込機械等（電動工具・電気溶接機等）使用届 (全建統一様式 参考様式第6号, DOMAIN-JP.md): A4 landscape, ready to print.
 * The form is Japanese paperwork for the main contractor, so it is always written in Japanese (messages/ja.json
 * carryIn.pdf), whatever the language of the person printing it.
 */

export interface CarryInNotice {
  /** 'YYYY-MM-DD' */
  submittedOn: string
  siteName: string
  siteAddress: string | null
  /** The main contractor's site office (…所長 殿). */
  addressee: string
  company: string
  representative: string
  /** 使用会社名: who uses the machines (the submitting company unless another uses them). */
  user: string
  /** 搬出予定年月日 for every line, when known. */
  leaveOn: string | null
  /** 持込年月日 for tools not yet on the site. */
  arriveOn: string
  notes: string
  tools: CarryInTool[]
}

const L = ja.carryIn.pdf
const PT_PER_MM = 72 / 25.4
const PAGE: [number, number] = [297 * PT_PER_MM, 210 * PT_PER_MM]
const MARGIN = 28
const ROW = 24
const HEAD = 30

const columns = [
  { key: 'no', label: L.no, width: 30 },
  { key: 'name', label: L.machine, width: 150 },
  { key: 'spec', label: L.spec, width: 176 },
  { key: 'code', label: L.code, width: 72 },
  { key: 'arrived', label: L.arrivedOn, width: 70 },
  { key: 'leave', label: L.leaveOn, width: 70 },
  { key: 'inspected', label: L.inspectedOn, width: 70 },
  { key: 'inspector', label: L.inspector, width: 73 },
  { key: 'holder', label: L.holder, width: 73 },
] as const

/** 令和8年11月23日: the era calendar that Japanese site paperwork is dated in. */
export function eraDate(iso: string): string {
  return new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`))
}

const slash = (iso: string | null) => (iso ? iso.replaceAll('-', '/') : '')

/** Cuts text to the width with … (Japanese has no spaces to break at). */
function fit(doc: InstanceType<typeof PDFDocument>, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text
  let out = text
  while (out && doc.widthOfString(out + '…') > width) out = out.slice(0, -1)
  return out + '…'
}

function cells(t: CarryInTool, n: number, notice: CarryInNotice): Record<(typeof columns)[number]['key'], string> {
  return {
    no: String(n),
    name: t.name,
    spec: [t.manufacturer, t.modelNumber, t.serialNumber ? `S/N ${t.serialNumber}` : null].filter(Boolean).join(' '),
    code: t.toolCode,
    arrived: slash(t.arrivedOn ?? notice.arriveOn),
    leave: slash(notice.leaveOn),
    inspected: slash(t.inspectedOn),
    inspector: t.inspector ?? '',
    holder: t.holder ?? '',
  }
}

function header(doc: InstanceType<typeof PDFDocument>, notice: CarryInNotice, page: number, pages: number) {
  const [w] = PAGE
  doc.font('regular').fontSize(8).fillColor('#000000').text(L.formNumber, MARGIN, MARGIN - 10, { width: w - 2 * MARGIN, align: 'right' })
  doc.font('bold').fontSize(17).text(L.title, MARGIN, MARGIN + 2, { width: w - 2 * MARGIN, align: 'center' })
  doc.font('regular').fontSize(10)
  const top = MARGIN + 34
  doc.text(`${L.submittedOn}　${eraDate(notice.submittedOn)}`, w / 2, top, { width: w / 2 - MARGIN, align: 'right' })
  doc.fontSize(12).text(`${notice.addressee ? notice.addressee + '　' : ''}${L.toManager}`, MARGIN, top + 14)
  doc.fontSize(10).text(`${L.office}　${notice.siteName}`, MARGIN, top + 36)
  if (notice.siteAddress) doc.fontSize(8).text(notice.siteAddress, MARGIN, top + 50)
  const rightX = w / 2 + 60
  const rw = w - MARGIN - rightX
  doc.fontSize(10)
  doc.text(`${L.company}　${notice.company}`, rightX, top + 18, { width: rw })
  doc.text(`${L.representative}　${notice.representative}`, rightX, top + 34, { width: rw })
  doc.text(`${L.user}　${notice.user}`, rightX, top + 50, { width: rw })
  doc.fontSize(8).text(`${page} / ${pages}`, MARGIN, PAGE[1] - MARGIN + 6, { width: w - 2 * MARGIN, align: 'right' })
  return top + 72
}

function footer(doc: InstanceType<typeof PDFDocument>, notice: CarryInNotice) {
  const [w, h] = PAGE
  const y = h - MARGIN - 70
  const notesW = w - 2 * MARGIN - 250
  doc.lineWidth(0.8).rect(MARGIN, y, notesW, 62).stroke()
  doc.font('bold').fontSize(8).text(L.notes, MARGIN + 4, y + 4, { width: notesW - 8 })
  doc.font('regular').fontSize(9).text(notice.notes, MARGIN + 4, y + 18, { width: notesW - 8, height: 40, ellipsis: true })
  const bx = MARGIN + notesW + 10
  const bw = 240
  doc.rect(bx, y, bw, 62).stroke()
  doc.font('bold').fontSize(8).text(L.checkBox, bx + 4, y + 4)
  doc.font('regular').fontSize(8)
  ;[L.receiptNo, L.checker, L.receivedOn].forEach((label, i) => doc.text(label, bx + 4, y + 20 + i * 14))
}

/** The notice as PDF bytes: as many pages as the machines need (13 lines a page), header and boxes on each. */
export async function renderCarryInPdf(notice: CarryInNotice): Promise<Buffer> {
  const doc = new PDFDocument({ size: PAGE, margin: 0, autoFirstPage: false, info: { Title: L.title, Producer: 'Genba' } })
  registerJapaneseFonts(doc)
  const done = pdfBytes(doc)
  const perPage = 13
  const lines = notice.tools.map((t, i) => cells(t, i + 1, notice))
  const pages = Math.max(1, Math.ceil(lines.length / perPage))
  for (let p = 0; p < pages; p++) {
    doc.addPage({ size: PAGE, margin: 0 })
    let y = header(doc, notice, p + 1, pages)
    let x = MARGIN
    doc.lineWidth(0.8).font('bold').fontSize(8)
    for (const c of columns) {
      doc.rect(x, y, c.width, HEAD).stroke()
      doc.text(c.label, x + 2, y + 10, { width: c.width - 4, align: 'center', lineBreak: false })
      x += c.width
    }
    y += HEAD
    doc.font('regular').fontSize(9)
    const page = lines.slice(p * perPage, (p + 1) * perPage)
    for (let r = 0; r < perPage; r++) {
      const line = page[r]
      x = MARGIN
      for (const c of columns) {
        doc.rect(x, y, c.width, ROW).stroke()
        if (line) {
          const text = fit(doc, line[c.key], c.width - 6)
          doc.text(text, x + 3, y + 7, { width: c.width - 6, lineBreak: false, align: c.key === 'no' ? 'center' : 'left' })
        }
        x += c.width
      }
      y += ROW
    }
    footer(doc, notice)
  }
  doc.end()
  return done
}
