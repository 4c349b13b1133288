import { readFileSync } from 'node:fs'
import { expect, test, type Locator, type Page } from '@playwright/test'
import iconv from 'iconv-lite'
import { parseCsv } from '../../lib/csv/format'
import { login, open, url } from './helpers'

async function download(page: Page, link: Locator): Promise<{ bytes: Buffer; name: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()])
  return { bytes: readFileSync((await file.path())!), name: file.suggestedFilename() }
}

test('movements filter by place and person, keep both in the URL, and export them as CSV for Japanese Excel', async ({ page }) => {
  await login(page, 'demo', 'viewer')
  await open(page, url('demo', '/movements'))
  await expect(page.getByRole('heading', { name: '移動履歴' })).toBeVisible()
  const rows = page.getByTestId('movement-row')
  await expect(rows).toHaveCount(50)
  await expect(page.getByTestId('more')).toBeVisible()

  // A place and a person that the newest move has in common.
  const first = rows.first()
  const person = (await first.locator('td').nth(5).textContent())!.trim()
  const place = (await first.locator('td').nth(4).locator('span > span').last().textContent())!.trim()
  await page.getByLabel('場所').selectOption({ label: place })
  await page.getByLabel('動かした人').selectOption({ label: person })
  await page.getByRole('button', { name: '絞り込む' }).click()
  await expect(page).toHaveURL(/[?&]location=[0-9a-f-]{36}/)
  await expect(page).toHaveURL(/[?&]user=[0-9a-f-]{36}/)
  const count = await rows.count()
  expect(count).toBeGreaterThan(0)
  for (let i = 0; i < count; i++) {
    await expect(rows.nth(i).locator('td').nth(4)).toContainText(place)
    await expect(rows.nth(i).locator('td').nth(5)).toHaveText(person)
  }

  // The URL alone brings the same view back.
  const filtered = page.url()
  await open(page, filtered)
  await expect(page.getByLabel('場所').locator('option:checked')).toHaveText(place)
  await expect(page.getByLabel('動かした人').locator('option:checked')).toHaveText(person)
  await expect(rows).toHaveCount(count)

  const utf8 = await download(page, page.getByRole('link', { name: 'CSVダウンロード' }))
  expect(utf8.name).toMatch(/^movements-\d{8}\.csv$/)
  expect([...utf8.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = parseCsv(utf8.bytes.toString('utf8'))
  expect(lines[0]).toEqual(['日時', '種類', '道具番号', '道具名', '数量', '単位', '移動元', '移動先', '動かした人', '持っている人', 'メモ', '入力'])
  expect(lines.length - 1).toBe(count)
  for (const line of lines.slice(1)) {
    expect(line[8]).toBe(person)
    expect([line[6], line[7]]).toContain(place)
  }

  const sjis = await download(page, page.getByRole('link', { name: 'CSV（Shift_JIS）' }))
  expect(sjis.name).toMatch(/-sjis\.csv$/)
  expect([...sjis.bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf])
  expect(parseCsv(iconv.decode(sjis.bytes, 'cp932'))).toEqual(lines)
})

test('a tool’s short history links to all its moves, and the tool filter can be taken off', async ({ page }) => {
  await login(page, 'demo', 'staff')
  await open(page, url('demo', '/movements'))
  const link = page.getByTestId('movement-row').first().locator('td').nth(2).getByRole('link')
  const code = (await link.textContent())!.trim()
  const toolId = new URL((await link.getAttribute('href'))!, url('demo')).searchParams.get('tool')!
  await open(page, url('demo', `/movements/tool/${toolId}`))
  await expect(page.getByText(code, { exact: true })).toBeVisible()
  const history = page.getByTestId('tool-history')
  await expect(history.getByRole('heading', { name: '移動履歴（最新5件）' })).toBeVisible()
  const cards = history.getByTestId('movement-card')
  expect(await cards.count()).toBeGreaterThan(0)
  expect(await cards.count()).toBeLessThanOrEqual(5)
  await history.getByRole('link', { name: 'すべての履歴を見る' }).click()
  await expect(page).toHaveURL(url('demo', `/movements?tool=${toolId}`))
  await expect(page.getByTestId('tool-filter')).toContainText(code)
  const rows = page.getByTestId('movement-row')
  expect(await rows.count()).toBeGreaterThanOrEqual(await cards.count())
  for (const cell of await rows.locator('td:nth-child(3) a').all()) await expect(cell).toHaveText(code)
  await page.getByRole('link', { name: '道具の絞り込みを外す' }).click()
  await expect(page).toHaveURL(url('demo', '/movements'))
  // An unknown tool is a plain 404 (another company's tool is unknown too: RLS hides it).
  const response = await page.goto(url('demo', `/movements/tool/${crypto.randomUUID()}`))
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).not.toContainText('会社')
})

test('movements read as cards on a phone, with the history in the bottom bar’s menu @phone', async ({ page }) => {
  await login(page, 'demo', 'staff')
  await open(page, url('demo', '/'))
  await page.getByRole('navigation', { name: 'メインメニュー' }).last().getByRole('button', { name: 'メニュー' }).click()
  await page.getByRole('navigation', { name: 'メニュー' }).getByRole('link', { name: '移動履歴' }).click()
  await expect(page).toHaveURL(url('demo', '/movements'))
  await expect(page.getByTestId('movement-cards').getByTestId('movement-card').first()).toBeVisible()
  await expect(page.getByTestId('movement-table')).toBeHidden()
  const more = page.getByTestId('more')
  await more.click()
  await expect(page).toHaveURL(/cursor=/)
  await expect(page.getByRole('link', { name: '最新から表示' })).toBeVisible()
})
