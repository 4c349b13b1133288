import { describe, expect, it } from 'vitest'
import { layoutById, layouts, MIN_QR_MM, type LayoutId } from '@/lib/labels/layouts'
import { renderLabelsPdf, type LabelContent } from '@/lib/labels/pdf'
import { darkExtentMm, decodeQr, pdfPageCount, pdfText, pdfToPages } from '../support/pdf'

const label = (i: number): LabelContent => ({
  url: `http://demo.localhost:3000/scan?id=${['550e8400-e29b-41d4-a716-44665544000', i].join('')}`,
  code: `A-${String(i).padStart(4, '0')}`,
  name: i % 2 ? 'マキタ 充電式インパクトドライバ 18V ブルー フルセット' : '電動ドライバーセット',
  company: 'デモ建設株式会社',
})

/** Where slot `slot` sits on the page, in mm. */
function slotRegion(id: LayoutId, slot: number) {
  const layout = layoutById(id)
  if (layout.kind === 'tape') return { x: 0, y: 0, w: layout.qr + 3, h: layout.tape }
  const col = slot % layout.columns
  const row = Math.floor(slot / layout.columns)
  return { x: layout.marginLeft + col * layout.pitchX, y: layout.marginTop + row * layout.pitchY, w: layout.qr + 3, h: layout.labelH }
}

describe('label layouts', () => {
  it('give the common sheets (12, 24, 44 a sheet) a QR of at least 25 mm', () => {
    for (const id of ['a4-12', 'a4-24', 'a4-44', 'tape-36'] as const) expect(layoutById(id).qr, id).toBeGreaterThanOrEqual(MIN_QR_MM)
  })

  it('fit every sheet inside A4 and every QR inside its label', () => {
    for (const l of layouts) {
      if (l.kind === 'sheet') {
        expect(l.marginLeft + l.columns * l.pitchX, l.id).toBeLessThanOrEqual(210)
        expect(l.marginTop + l.rows * l.pitchY, l.id).toBeLessThanOrEqual(297)
        expect(l.qr, l.id).toBeLessThanOrEqual(l.labelH)
      } else expect(l.qr).toBeLessThanOrEqual(l.tape)
    }
  })
})

describe('renderLabelsPdf', () => {
  it.each(['a4-12', 'a4-24', 'a4-44'] as const)('%s: every QR decodes to its tool URL and is printed at full size', async (id) => {
    const labels = Array.from({ length: 5 }, (_, i) => label(i + 1))
    const pdf = await renderLabelsPdf({ layout: id, labels })
    const [page] = pdfToPages(pdf)
    labels.forEach((l, slot) => expect(decodeQr(page!, slotRegion(id, slot)), `${id} slot ${slot}`).toBe(l.url))
    // Modules fill the QR box minus the 2-module quiet zone on each side.
    expect(darkExtentMm(page!, slotRegion(id, 0))).toBeGreaterThan(layoutById(id).qr * 0.85)
  })

  it.each(['tape-24', 'tape-36'] as const)('%s: one label per page, decodable', async (id) => {
    const pdf = await renderLabelsPdf({ layout: id, labels: [label(7), label(8)] })
    expect(pdfPageCount(pdf)).toBe(2)
    const pages = pdfToPages(pdf, 300)
    expect(decodeQr(pages[1]!, slotRegion(id, 0))).toBe(label(8).url)
  })

  it('embeds the Japanese text (code, name, company) so it can be read back', async () => {
    const text = pdfText(await renderLabelsPdf({ layout: 'a4-12', labels: [label(2)] }))
    expect(text).toContain('A-0002')
    expect(text).toContain('電動ドライバーセット')
    expect(text).toContain('デモ建設株式会社')
  })

  it('shortens a long name with … rather than overflowing the label', async () => {
    const text = pdfText(await renderLabelsPdf({ layout: 'a4-24', labels: [{ ...label(1), name: 'とても長い名前の道具'.repeat(8) }] }))
    expect(text).toContain('…')
  })

  it('starts after the positions already used on a sheet, and moves to a new page when full', async () => {
    const pdf = await renderLabelsPdf({ layout: 'a4-12', labels: [label(1), label(2)], skip: 11 })
    expect(pdfPageCount(pdf)).toBe(2)
    const pages = pdfToPages(pdf)
    expect(decodeQr(pages[0]!, slotRegion('a4-12', 11))).toBe(label(1).url)
    expect(decodeQr(pages[1]!, slotRegion('a4-12', 0))).toBe(label(2).url)
  })

  it('shifts everything by the printer calibration offset', async () => {
    const pdf = await renderLabelsPdf({ layout: 'a4-12', labels: [label(3)], offset: { x: 3, y: 4 } })
    const [page] = pdfToPages(pdf)
    const region = slotRegion('a4-12', 0)
    expect(decodeQr(page!, { ...region, x: region.x + 3, y: region.y + 4 })).toBe(label(3).url)
  })

  it('prints blank labels (a QR not yet tied to a tool) with the given text', async () => {
    const pdf = await renderLabelsPdf({ layout: 'a4-24', labels: [{ url: label(9).url, code: null, name: null, company: 'デモ建設株式会社' }], blankText: '未登録' })
    expect(pdfText(pdf)).toContain('未登録')
    expect(decodeQr(pdfToPages(pdf)[0]!, slotRegion('a4-24', 0))).toBe(label(9).url)
  })

  it('fills 30 labels over two 24-label sheets', async () => {
    expect(pdfPageCount(await renderLabelsPdf({ layout: 'a4-24', labels: Array.from({ length: 30 }, (_, i) => label(i)) }))).toBe(2)
  })
})
