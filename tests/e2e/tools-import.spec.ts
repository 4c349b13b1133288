import { expect, test } from '@playwright/test'
import iconv from 'iconv-lite'
import { login, url } from './helpers'

const header = ['管理番号', 'カテゴリー', '道具名', '型番', 'メーカー', '購入日', '購入金額']
/** Spreadsheet rows (the header is row 1) that carry a mistake. */
const bad: Record<number, string[]> = {
  12: ['', '手工具', '取込テスト工具 011', 'IMP-011', 'ＫＴＣ', '2024/13/40', '5000'],
  101: ['', '存在しない分類', '取込テスト工具 100', 'IMP-100', 'KTC', '2024/04/01', '5000'],
  178: ['', '手工具', '取込テスト工具 177', 'IMP-177', 'KTC', '2024/04/01', '五千円'],
}

function csv(rows: number, withBad: boolean): Buffer {
  const lines = [header]
  for (let i = 1; i <= rows; i++) {
    const row = i + 1
    if (bad[row]) {
      if (withBad) lines.push(bad[row])
      continue
    }
    lines.push(['', i % 2 ? '手工具' : 'B', `取込テスト工具 ${String(i).padStart(3, '0')}`, `IMP-${i}`, i % 3 ? 'KTC' : 'トネ', '2024-04-01', String(1000 + i)])
  }
  // Excel's "CSV (comma delimited)" in Japanese: Shift_JIS (CP932), CRLF.
  return iconv.encode(lines.map((l) => l.join(',')).join('\r\n') + '\r\n', 'cp932')
}

test('a 200-row Shift_JIS CSV with 3 bad rows reports exactly those rows and imports nothing; the fixed file imports after confirming', async ({ page }) => {
  test.setTimeout(120_000)
  await login(page, 'demo', 'leader')
  await page.goto(url('demo', '/tools/import'))
  await page.getByLabel('CSVファイル').setInputFiles({ name: '道具台帳.csv', mimeType: 'text/csv', buffer: csv(200, true) })
  await page.getByRole('button', { name: '中身を確認する' }).click()

  await expect(page.getByText('文字コード: Shift_JIS')).toBeVisible()
  await expect(page.getByText('全200行')).toBeVisible()
  await expect(page.getByText('新規 197件')).toBeVisible()
  await expect(page.getByText('エラー 3行')).toBeVisible()
  const errors = page.getByRole('table', { name: 'エラーのある行' }).locator('tbody tr')
  await expect(errors).toHaveCount(3)
  expect(await errors.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row')))).toEqual(['12', '101', '178'])
  await expect(errors.nth(0)).toContainText('12行目「購入日」: 日付を「2025-04-01」の形で入力してください。')
  await expect(errors.nth(1)).toContainText('101行目「カテゴリー」: カテゴリーが見つかりません。')
  await expect(errors.nth(2)).toContainText('178行目「購入金額」: 数字で入力してください。')
  await expect(page.getByRole('button', { name: '取り込みを確定する' })).toHaveCount(0)

  // Nothing was written by the preview.
  const list = await page.context().newPage()
  await list.goto(url('demo', '/tools?q=' + encodeURIComponent('取込テスト工具')))
  await expect(list.getByText('条件に合う道具はありません。')).toBeVisible()

  // The corrected file: previewed, still nothing written, then imported on confirmation.
  await page.getByLabel('CSVファイル').setInputFiles({ name: '道具台帳（修正）.csv', mimeType: 'text/csv', buffer: csv(200, false) })
  await page.getByRole('button', { name: '中身を確認する' }).click()
  await expect(page.getByText('新規 197件')).toBeVisible()
  await expect(page.getByText('エラー 0行')).toBeVisible()
  await list.reload()
  await expect(list.getByText('条件に合う道具はありません。')).toBeVisible()
  await page.getByRole('button', { name: '取り込みを確定する' }).click()
  await expect(page.getByRole('status')).toContainText('取り込みました（新規197件・更新0件）。')
  await list.reload()
  await expect(list.getByText('197件', { exact: true })).toBeVisible()
  await expect(list.getByRole('table').getByRole('link', { name: '取込テスト工具 001' })).toBeVisible()
})
