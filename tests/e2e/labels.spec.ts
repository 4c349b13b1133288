import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { layoutById, type LayoutId } from '../../lib/labels/layouts'
import { decodeQr, pdfPageCount, pdfText, pdfToPages } from '../support/pdf'
import { login, open, url } from './helpers'

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'

/** Where slot `slot` of a sheet sits, in mm, with room for a calibration shift of a few mm. */
function slotRegion(id: LayoutId, slot: number) {
  const layout = layoutById(id)
  if (layout.kind !== 'sheet') throw new Error('sheets only')
  const col = slot % layout.columns
  const row = Math.floor(slot / layout.columns)
  return { x: layout.marginLeft + col * layout.pitchX - 3, y: layout.marginTop + row * layout.pitchY - 3, w: layout.qr + 6, h: layout.labelH + 6 }
}

/** Clicks the download button and returns the PDF that arrived. */
async function downloadPdf(page: Page, button = page.getByRole('button', { name: 'PDFをダウンロード' })): Promise<{ pdf: Buffer; name: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()])
  return { pdf: readFileSync((await download.path())!), name: download.suggestedFilename() }
}

test('a leader prints labels for three chosen tools: every QR decodes to that tool’s scan URL', async ({ page }) => {
  await login(page, 'demo', 'leader')
  await open(page, url('demo', '/labels'))
  await expect(page.getByRole('heading', { name: 'ラベル印刷' })).toBeVisible()
  await page.getByLabel('道具を探す').fill('インパクト')
  await page.getByRole('button', { name: '検索' }).click()
  const results = page.getByTestId('label-results').getByRole('listitem')
  await expect(results.first()).toBeVisible()
  const codes: string[] = []
  for (const i of [0, 1, 2]) {
    const code = (await results.nth(i).locator('p').first().textContent())!.trim()
    codes.push(code)
    await results.nth(i).getByRole('button', { name: `追加 ${code}` }).click()
  }
  await expect(page.getByRole('heading', { name: '選んだ道具（3件）' })).toBeVisible()
  await page.getByRole('radio', { name: /A4 12面/ }).check()
  await page.getByLabel('使用済みの位置').fill('2')
  await expect(page.getByTestId('label-preview')).toHaveText('ラベル 3枚・用紙 1枚')

  const { pdf, name } = await downloadPdf(page)
  expect(name).toMatch(/^labels-\d{8}-a4-12\.pdf$/)
  expect(pdfPageCount(pdf)).toBe(1)
  const [sheet] = pdfToPages(pdf)
  const decoded = [2, 3, 4].map((slot) => decodeQr(sheet!, slotRegion('a4-12', slot)))
  const ids = await page.evaluate(async (list) => Promise.all(list.map(async (c) => (await (await fetch(`/api/scan?q=${c}`)).json()).id as string)), codes)
  const idOf = Object.fromEntries(codes.map((c, i) => [c, ids[i]]))
  // Printed in tool_code order, from the third position on.
  expect(decoded).toEqual([...codes].sort().map((c) => url('demo', `/scan?id=${idOf[c]}`)))
  const text = pdfText(pdf)
  for (const code of codes) expect(text).toContain(code)
  expect(text).toContain('デモ建設株式会社')
  await expect(page.getByRole('status')).toContainText('3枚のラベル')
})

test('blank labels: fresh UUIDs no tool has yet, recorded as a batch that prints again the same', async ({ page }) => {
  await login(page, 'demo', 'leader')
  await open(page, url('demo', '/labels'))
  await page.getByRole('radio', { name: '未登録ラベル' }).check()
  await page.getByLabel('枚数').fill('5')
  await page.getByRole('radio', { name: /A4 24面/ }).check()
  await page.getByLabel('使用済みの位置').fill('0')
  await expect(page.getByTestId('label-preview')).toHaveText('ラベル 5枚・用紙 1枚')
  const { pdf, name } = await downloadPdf(page)
  expect(name).toMatch(/^blank-labels-/)
  const [sheet] = pdfToPages(pdf)
  const decoded = [0, 1, 2, 3, 4].map((slot) => decodeQr(sheet!, slotRegion('a4-24', slot)))
  for (const d of decoded) expect(d).toMatch(new RegExp(`^${url('demo', '/scan\\?id=')}${UUID}$`))
  expect(new Set(decoded).size).toBe(5)
  expect(pdfText(pdf)).toContain('未登録ラベル')
  // Not one of them is a tool yet.
  const statuses = await page.evaluate(async (list) => Promise.all(list.map(async (u) => (await fetch(`/api/scan?q=${encodeURIComponent(u!)}`)).status)), decoded)
  expect(statuses).toEqual([404, 404, 404, 404, 404])

  const batch = page.getByTestId('blank-batches').getByRole('listitem').first()
  await expect(batch).toContainText('5枚（道具に使用 0枚）')
  const again = await downloadPdf(page, batch.getByRole('button', { name: 'もう一度印刷' }))
  const [reprint] = pdfToPages(again.pdf)
  expect([0, 1, 2, 3, 4].map((slot) => decodeQr(reprint!, slotRegion('a4-24', slot)))).toEqual(decoded)
})

test('the printer calibration is saved for the company and shifts the print', async ({ page }) => {
  await login(page, 'sakura-denki', 'leader')
  await open(page, url('sakura-denki', '/labels'))
  await page.getByLabel('左右（mm）').fill('2.5')
  await page.getByLabel('上下（mm）').fill('-1')
  await page.getByRole('radio', { name: /A4 10面/ }).check()
  await page.getByRole('button', { name: 'この補正と用紙を会社の既定にする' }).click()
  await expect(page.getByText('保存しました。')).toBeVisible()
  await open(page, url('sakura-denki', '/labels'))
  await expect(page.getByLabel('左右（mm）')).toHaveValue('2.5')
  await expect(page.getByRole('radio', { name: /A4 10面/ })).toBeChecked()
  // A QR under 25 mm is flagged where the stock is chosen.
  await expect(page.getByRole('radio', { name: /A4 65面/ }).locator('..')).toContainText('QRが25 mm未満です')
  await page.getByRole('radio', { name: '未登録ラベル' }).check()
  await page.getByLabel('枚数').fill('1')
  const { pdf } = await downloadPdf(page)
  const [sheet] = pdfToPages(pdf)
  const l = layoutById('a4-10')
  if (l.kind !== 'sheet') throw new Error('sheet')
  // Where the label moved to: 2.5 mm right, 1 mm up.
  expect(decodeQr(sheet!, { x: l.marginLeft + 2.5 - 0.5, y: l.marginTop - 1 - 0.5, w: l.qr + 3, h: l.labelH + 1 })).toMatch(new RegExp(UUID))
})

test('staff may not print labels', async ({ page }) => {
  await login(page, 'demo', 'staff')
  // Not offered in their menu either (a leader's menu has it).
  await expect(page.getByRole('link', { name: '移動履歴' }).first()).toBeAttached()
  await expect(page.getByRole('link', { name: 'ラベル印刷' })).toHaveCount(0)
  const response = await page.goto(url('demo', '/labels'))
  expect(response?.status()).toBe(403)
  const status = await page.evaluate(async () => {
    const form = new FormData()
    form.set('source', 'blank')
    form.set('count', '3')
    form.set('layout', 'a4-24')
    return (await fetch('/labels/pdf', { method: 'POST', body: form })).status
  })
  expect(status).toBe(403)
})
