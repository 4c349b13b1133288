import { expect, test } from '@playwright/test'
import sharp from 'sharp'
import { login, open, url } from './helpers'

test('the demo dashboard shows the seeded low stock and overdue calibrations, and each alert leads to the list behind it', async ({ page }) => {
  await login(page, 'demo', 'owner')
  await expect(page.getByRole('heading', { name: 'ホーム', level: 1 })).toBeVisible()
  await expect(page.getByTestId('plan')).toHaveText('プレミアムプラン')
  const low = page.getByTestId('alert-low-stock')
  await expect(low).toContainText('在庫不足 2件')
  await expect(low).toContainText('ビニールテープ 黒')
  await expect(low).toContainText('切断砥石 105mm')
  const calibration = page.getByTestId('alert-due-field-next_calibration')
  await expect(calibration).toContainText('次回校正日')
  await expect(calibration).toContainText('期限切れ 2件')
  await expect(page.getByTestId('alert-unreturned')).toContainText(/長期未返却（現場に 7日以上） \d+件/)
  await expect(page.getByTestId('summary')).toContainText('総数')
  await expect(page.getByTestId('latest-moves').locator('li')).toHaveCount(5)
  await expect(page.getByTestId('sites').locator('li')).toHaveCount(3)
  // The bell counts the seeded breakage reports.
  await expect(page.getByTestId('bell')).toHaveAccessibleName(/未読 [1-9]\d*件/)

  await calibration.getByRole('link', { name: '期限切れ 2件' }).click()
  await expect(page).toHaveURL(/\/tools\?f\.next_calibration\.to=\d{4}-\d{2}-\d{2}$/)
  await page.goBack()
  await low.getByRole('link', { name: '一覧を見る' }).click()
  await expect(page).toHaveURL(url('demo', '/tools?lowStock=1'))
  // The long-unreturned list says what it is, and a search inside it keeps it.
  await page.goBack()
  await page.getByTestId('alert-unreturned').getByRole('link', { name: '一覧を見る' }).click()
  await expect(page).toHaveURL(/\/tools\?.*onSiteDays=7/)
  await expect(page.getByText('現場に7日以上')).toBeVisible()
  await page.waitForLoadState('networkidle')
  await page.getByRole('searchbox').first().fill('A-')
  await page.getByRole('searchbox').first().press('Enter')
  await expect(page).toHaveURL(/q=A-/)
  await expect(page).toHaveURL(/onSiteDays=7/)
})

test('a company on the basic plan sees its alerts, and the premium cost analysis stays locked', async ({ page }) => {
  await login(page, 'sakura-denki', 'owner')
  await expect(page.getByTestId('plan')).toHaveText('ベーシックプラン')
  await expect(page.getByTestId('alert-low-stock')).toContainText('差込形コネクタ 2本用')
  await open(page, url('sakura-denki', '/reports?view=costs'))
  await expect(page.getByTestId('costs-premium')).toContainText('プレミアムプランの機能です')
  const csv = await page.evaluate(async () => (await fetch('/reports/csv?view=costs')).status)
  expect(csv).toBe(403)
  // Charts are on trial for this company (an operator's override): the moves chart renders.
  await open(page, url('sakura-denki', '/reports?view=moves'))
  await expect(page.getByTestId('chart')).toBeVisible()
})

test('the premium company gets the cost analysis and every report as CSV', async ({ page }) => {
  await login(page, 'demo', 'admin')
  await open(page, url('demo', '/reports?view=costs'))
  await expect(page.getByTestId('cost-totals')).toContainText('帳簿価額')
  const files = await page.evaluate(async () => {
    const out: Record<string, { status: number; type: string | null; bom: boolean; head: string }> = {}
    for (const view of ['moves', 'site-days', 'utilisation', 'costs']) {
      const r = await fetch(`/reports/csv?view=${view}`)
      const bytes = new Uint8Array(await r.arrayBuffer())
      const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
      out[view] = { status: r.status, type: r.headers.get('content-type'), bom, head: new TextDecoder().decode(bytes).split('\r\n')[0]! }
    }
    return out
  })
  // UTF-8 with a BOM, so that Excel opens it as UTF-8.
  expect(files.moves).toEqual({ status: 200, type: 'text/csv; charset=utf-8', bom: true, head: '月,持出,返却,現場間移動,使用,合計' })
  expect(files.costs!.head).toContain('帳簿価額')
  expect(files['site-days']!.head).toMatch(/^現場,/)
  expect(files.utilisation!.status).toBe(200)
})

test('closing a site with tools on it is refused until they are back, then it closes', async ({ page }) => {
  await login(page, 'sakura-denki', 'admin')
  await page.getByTestId('sites').locator('li', { hasText: '所沢工場 照明LED化' }).getByRole('link', { name: '撤収・終了' }).click()
  await expect(page.getByRole('heading', { name: '現場の撤収・終了' })).toBeVisible()
  await expect(page.getByTestId('left-count')).toContainText(/まだ現場にある道具 \d+件/)
  await page.getByTestId('close').getByRole('button', { name: '終了する' }).click()
  await expect(page.getByTestId('close').getByRole('alert')).toContainText('残っているため終了できません')

  // Everyone brings their tools back (as the scan screen would, through the sync API).
  const siteId = page.url().match(/sites\/([0-9a-f-]{36})\/close/)![1]!
  const items = await page.locator('[data-tool-id]').evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-tool-id')!, type: e.getAttribute('data-type')!, quantity: Number(e.getAttribute('data-quantity')) })))
  expect(items.length).toBeGreaterThan(0)
  const results = await page.evaluate(
    async ({ items, siteId }) => {
      const index = await (await fetch('/api/scan/index')).json()
      const home = index.locations.find((l: { type: string }) => l.type === 'warehouse').id
      const moves = items.map((i) => ({
        clientId: crypto.randomUUID(),
        toolId: i.id,
        action: 'checkin',
        toLocationId: home,
        ...(i.type === 'quantity' ? { fromLocationId: siteId, quantity: i.quantity } : {}),
      }))
      const r = await fetch('/api/moves/sync', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items: moves }) })
      return (await r.json()).results.map((x: { outcome: string }) => x.outcome)
    },
    { items, siteId },
  )
  expect(results.every((o: string) => o === 'applied')).toBe(true)

  await page.reload()
  await expect(page.getByTestId('left-count')).toHaveText('現場に残っている道具はありません。')
  await page.getByTestId('close').getByRole('button', { name: '終了する' }).click()
  await expect(page.getByTestId('closed')).toHaveText('この現場は終了しています。')
})

test('@phone a staff member reports a breakage with a photo; the managers see it in the bell', async ({ page, browser }) => {
  await login(page, 'demo', 'staff')
  await open(page, url('demo', '/maintenance/report'))
  await page.getByLabel('道具の管理番号').fill('b-0001')
  await page.getByRole('button', { name: '次へ' }).click()
  await expect(page.getByTestId('tool')).toContainText('B-0001')
  await page.waitForLoadState('networkidle')
  await page.getByLabel('どこが悪いか').fill('ラチェットが空回りする')
  const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#b91c1c' } }).jpeg().toBuffer()
  await page.locator('input[name="photo"]').setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: photo })
  await expect(page.getByTestId('photo-preview')).toBeVisible()
  const submit = page.getByRole('button', { name: '報告する' })
  expect((await submit.boundingBox())!.height).toBeGreaterThanOrEqual(48)
  await submit.click()
  await expect(page.getByText('報告しました。管理者に通知しました。')).toBeVisible()
  await expect(page.getByTestId('repair-status')).toHaveText('報告あり')
  const image = page.getByRole('img', { name: 'B-0001 の故障の写真' })
  await expect(image).toBeVisible()
  expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)

  const manager = await browser.newPage()
  await login(manager, 'demo', 'leader')
  await open(manager, url('demo', '/notifications'))
  await expect(manager.getByTestId('notifications')).toContainText('田中 次郎 さんが B-0001 ラチェットレンチセット の故障を報告しました')
  await manager.close()
})
