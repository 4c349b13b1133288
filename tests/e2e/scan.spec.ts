import { chromium, expect, test, type Page } from '@playwright/test'
import { labelVideo } from '../support/camera'
import { login, registerCompany, uniqueSub, url } from './helpers'

type IndexTool = { id: string; code: string; name: string; managementType: string; locationId: string | null; locationType: string | null; homeQuantity: number | null; status: string; unit: string | null }
type Place = { id: string; name: string; type: string }

/** The offline index as the signed-in page sees it. */
async function scanIndex(page: Page): Promise<{ tools: IndexTool[]; locations: Place[] }> {
  return page.evaluate(async () => (await fetch('/api/scan/index')).json())
}

/** Individual tools in a warehouse, from the end of the list, so that tests in parallel take different ones. */
async function warehouseTools(page: Page, from: number, count: number) {
  const index = await scanIndex(page)
  const tools = index.tools.filter((t) => t.managementType === 'individual' && t.locationType === 'warehouse' && t.status !== 'disposed').reverse()
  const sites = index.locations.filter((l) => l.type === 'site')
  return { tools: tools.slice(from, from + count), site: sites[from % sites.length]!, index }
}

async function cardOf(page: Page, id: string) {
  return page.evaluate(async (toolId) => (await fetch(`/api/scan?q=${toolId}`)).json(), id)
}

async function findByCode(page: Page, code: string) {
  await page.getByLabel('管理番号を入力').fill(code)
  await page.getByRole('button', { name: '探す' }).click()
  await expect(page.getByTestId('tool-code')).toHaveText(code)
}

test('a label shown to the camera opens its tool, which is taken to a site (no light button on a camera without one)', async ({ page }) => {
  await login(page, 'demo', 'staff')
  const { tools, site } = await warehouseTools(page, 0, 1)
  const tool = tools[0]!
  const video = await labelVideo({ url: url('demo', `/scan?id=${tool.id}`), code: tool.code, name: tool.name, company: 'デモ建設' })
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  })
  try {
    const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: { width: 412, height: 915 } })
    const phone = await context.newPage()
    await login(phone, 'demo', 'staff')
    await phone.goto(url('demo', '/scan'))
    await phone.getByRole('button', { name: 'カメラでスキャン' }).click()
    await expect(phone.getByTestId('tool-code')).toHaveText(tool.code, { timeout: 30_000 })
    await expect(phone.getByTestId('tool-card')).toContainText(tool.name)
    await expect(phone.getByRole('button', { name: 'カメラを止める' })).toBeVisible()
    await expect(phone.getByRole('button', { name: 'ライトをつける' })).toHaveCount(0)
    await phone.getByRole('button', { name: /^持出し/ }).click()
    await phone.getByRole('radio', { name: new RegExp(site.name) }).check()
    await phone.getByRole('button', { name: '持出しを記録' }).click()
    await expect(phone.getByTestId('move-result')).toContainText(`${tool.code} を持出ししました`)
    const card = await cardOf(phone, tool.id)
    expect(card).toMatchObject({ locationId: site.id, locationType: 'site', holderName: expect.any(String) })
    expect(card.recentMoves[0]).toMatchObject({ type: 'checkout', toName: site.name })
    await context.close()
  } finally {
    await browser.close()
  }
})

test("the phone's own camera app opening a label lands on the tool, after signing in", async ({ page }) => {
  await login(page, 'demo', 'staff')
  const { tools } = await warehouseTools(page, 1, 1)
  await page.context().clearCookies()
  await page.goto(url('demo', `/scan?id=${tools[0]!.id}`))
  await expect(page).toHaveURL(/\/login\?next=/)
  await page.locator('input[name="email"]').fill('staff@demo.genba.test')
  await page.locator('input[name="password"]').fill('genba-demo-2026')
  await page.locator('input[name="password"]').press('Enter')
  await expect(page.getByTestId('tool-code')).toHaveText(tools[0]!.code)
})

test('moves made offline wait in the queue and are applied exactly once when the phone is back online, also when sent twice', async ({ context, page }) => {
  await login(page, 'demo', 'staff')
  await page.goto(url('demo', '/scan'))
  // The service worker keeps this screen and the index, and the phone has its copy of the index.
  await expect(page.getByTestId('scan-screen')).toHaveAttribute('data-offline-ready', 'true', { timeout: 30_000 })
  const { tools, site } = await warehouseTools(page, 2, 3)
  const since = new Date(Date.now() - 1000).toISOString()

  await context.setOffline(true)
  for (const tool of tools) {
    const step = await context.newPage()
    await step.goto(url('demo', '/scan'))
    await findByCode(step, tool.code)
    await expect(step.getByTestId('tool-card')).toContainText('圏外のため')
    await step.getByRole('button', { name: /^持出し/ }).click()
    await step.getByRole('radio', { name: new RegExp(site.name) }).check()
    await step.getByRole('button', { name: '持出しを記録' }).click()
    await expect(step.getByTestId('move-result')).toContainText('送信待ちに入れました')
    await step.close()
  }
  const check = await context.newPage()
  await check.goto(url('demo', '/scan'))
  await expect(check.getByTestId('queue-badge')).toHaveText('送信待ち 3件')
  await expect(check.getByTestId('queue-item')).toHaveCount(3)
  // What is waiting, as the phone stored it (to send the very same moves again below).
  const queued = await check.evaluate(
    () =>
      new Promise<{ move: unknown }[]>((resolve, reject) => {
        const open = indexedDB.open('genba-scan')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const all = open.result.transaction('queue').objectStore('queue').getAll()
          all.onsuccess = () => resolve(all.result)
        }
      }),
  )
  expect(queued).toHaveLength(3)

  await context.setOffline(false)
  // Back online, the queue sends itself.
  await expect(check.getByTestId('queue-badge')).toHaveCount(0, { timeout: 30_000 })
  await expect(check.getByTestId('queue-panel')).toContainText('送信待ちの移動はありません。')
  const moved = async () => {
    const cards = await Promise.all(tools.map((t) => cardOf(check, t.id)))
    return cards.map((c: { locationId: string; recentMoves: { movedAt: string }[] }) => ({ at: c.locationId, moves: c.recentMoves.filter((m) => m.movedAt >= since).length }))
  }
  expect(await moved()).toEqual(tools.map(() => ({ at: site.id, moves: 1 })))

  // The same request once more (an answer lost on the way back): every move is replayed, none applied twice.
  const again = await check.evaluate(async (items) => {
    const r = await fetch('/api/moves/sync', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items }) })
    return (await r.json()) as { results: { outcome: string }[] }
  }, queued.map((q) => q.move))
  expect(again.results.map((r) => r.outcome)).toEqual(['replayed', 'replayed', 'replayed'])
  expect(await moved()).toEqual(tools.map(() => ({ at: site.id, moves: 1 })))
})

test('an unknown code gets the one message; an unknown label of ours can be registered by those who register tools', async ({ page }) => {
  await login(page, 'demo', 'leader')
  await page.goto(url('demo', '/scan'))
  await page.getByLabel('管理番号を入力').fill('Z-9999')
  await page.getByRole('button', { name: '探す' }).click()
  await expect(page.getByTestId('scan-error')).toHaveText('このQRコードは登録されていません')

  const blank = crypto.randomUUID()
  await page.getByLabel('管理番号を入力').fill(url('demo', `/scan?id=${blank}`))
  await page.getByRole('button', { name: '探す' }).click()
  await expect(page.getByTestId('scan-error')).toContainText('このQRコードは登録されていません')
  await expect(page.getByRole('link', { name: 'このラベルで道具を登録' })).toHaveAttribute('href', `/tools/new?labelId=${blank}`)

  // Another company's label (real or not) reads exactly like an unknown one, with nothing to register.
  await page.getByLabel('管理番号を入力').fill(url('sakura-denki', `/scan?id=${crypto.randomUUID()}`))
  await page.getByRole('button', { name: '探す' }).click()
  await expect(page.getByTestId('scan-error')).toHaveText('このQRコードは登録されていません')
  await expect(page.getByRole('link', { name: 'このラベルで道具を登録' })).toHaveCount(0)
})

test('a move the server refuses (too many units) says why with the number there is, and moves nothing', async ({ page }) => {
  await login(page, 'demo', 'staff')
  await page.goto(url('demo', '/scan'))
  const index = await scanIndex(page)
  const tool = index.tools.filter((t) => t.managementType === 'quantity' && (t.homeQuantity ?? 0) >= 3 && t.locationType === 'warehouse').at(-1)!
  const site = index.locations.find((l) => l.type === 'site')!
  const home = tool.homeQuantity!
  await findByCode(page, tool.code)
  await expect(page.getByTestId('tool-quantities')).toContainText(`保管場所に ${home}`)
  await page.getByRole('button', { name: /^持出し/ }).click()
  await page.getByRole('radio', { name: new RegExp(site.name) }).check()

  // More than the card shows: refused on the phone at once.
  await page.getByLabel(/^数量/).fill(String(home + 1))
  await page.getByRole('button', { name: '持出しを記録' }).click()
  await expect(page.getByRole('alert').filter({ hasText: '数が足りません' })).toHaveText(`数が足りません。ここにあるのは ${home}${tool.unit ?? ''} です。`)

  // Meanwhile someone else takes all but one: the card is out of date, and the server refuses.
  await page.evaluate(
    async ({ toolId, siteId, quantity }) => {
      const items = [{ clientId: crypto.randomUUID(), toolId, action: 'checkout', toLocationId: siteId, quantity, movedAt: new Date().toISOString() }]
      await fetch('/api/moves/sync', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items }) })
    },
    { toolId: tool.id, siteId: site.id, quantity: home - 1 },
  )
  await page.getByLabel(/^数量/).fill(String(home))
  await page.getByRole('button', { name: '持出しを記録' }).click()
  const reason = `数が足りません。ここにあるのは 1${tool.unit ?? ''} です。`
  await expect(page.getByTestId('move-result')).toHaveText(reason)
  await expect(page.getByTestId('queue-item')).toHaveAttribute('data-state', 'refused')
  await expect(page.getByTestId('queue-item')).toContainText(reason)
  expect((await cardOf(page, tool.id)).homeQuantity).toBe(1)
  // The member decides: discard it. Nothing is left waiting.
  await page.getByRole('button', { name: '破棄' }).click()
  await expect(page.getByTestId('queue-item')).toHaveCount(0)
  expect((await cardOf(page, tool.id)).homeQuantity).toBe(1)
})

test('batch mode: scan several tools into a list, drop one, move the rest at once', async ({ page }) => {
  await login(page, 'demo', 'staff')
  await page.goto(url('demo', '/scan'))
  const { tools, site } = await warehouseTools(page, 5, 3)
  await page.getByRole('button', { name: 'まとめて' }).click()
  for (const tool of tools) {
    await page.getByLabel('管理番号を入力').fill(tool.code.toLowerCase().replace('-', ''))
    await page.getByRole('button', { name: '探す' }).click()
    await expect(page.getByRole('status').filter({ hasText: `${tool.code} を追加しました` })).toBeVisible()
  }
  await expect(page.getByTestId('batch-item')).toHaveCount(3)
  await page.getByRole('button', { name: `${tools[2]!.code} を外す` }).click()
  await expect(page.getByTestId('batch-item')).toHaveCount(2)
  await page.getByRole('button', { name: /^持出し/ }).click()
  await page.getByRole('radio', { name: new RegExp(site.name) }).check()
  await page.getByRole('button', { name: '2個をまとめて移動' }).click()
  await expect(page.getByTestId('move-result')).toContainText('2個 完了・0個 送信待ち・0個 受付不可')
  await expect(page.getByTestId('move-outcome')).toHaveCount(2)
  for (const tool of tools.slice(0, 2)) expect((await cardOf(page, tool.id)).locationId).toBe(site.id)
  expect((await cardOf(page, tools[2]!.id)).locationType).toBe('warehouse')
})

test('installable: the manifest, its icons and the iOS tags; the service worker serves an offline page', async ({ page }) => {
  await login(page, 'demo', 'staff')
  await page.goto(url('demo', '/scan'))
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest')
  await expect(page.locator('meta[name="mobile-web-app-capable"], meta[name="apple-mobile-web-app-capable"]').first()).toHaveAttribute('content', 'yes')
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute('href', '/icons/apple-touch-icon.png')
  const manifest = await page.evaluate(async () => {
    const m = await (await fetch('/manifest.webmanifest')).json()
    const icons = await Promise.all(m.icons.map(async (i: { src: string }) => (await fetch(i.src)).headers.get('content-type')))
    return { ...m, iconTypes: icons }
  })
  expect(manifest).toMatchObject({ name: 'Genba', short_name: 'Genba', start_url: '/scan', display: 'standalone', theme_color: '#111827' })
  expect(manifest.description).toMatch(/スマホ/)
  expect(manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '192x192 maskable', '512x512 maskable'])
  expect(new Set(manifest.iconTypes)).toEqual(new Set(['image/png']))
  await expect(page.getByTestId('scan-screen')).toHaveAttribute('data-offline-ready', 'true', { timeout: 30_000 })

  await page.context().setOffline(true)
  const other = await page.context().newPage()
  await other.goto(url('demo', '/members'))
  await expect(other.getByRole('heading', { name: '圏外です' })).toBeVisible()
  await other.getByRole('link', { name: 'スキャン画面を開く' }).click()
  await expect(other.getByTestId('scan-screen')).toBeVisible()
  await page.context().setOffline(false)

  // Signing out forgets the pages kept for offline use.
  const kept = () => page.evaluate(async () => Boolean(await caches.match('/scan', { ignoreVary: true })))
  expect(await kept()).toBe(true)
  await page.getByRole('button', { name: 'ログアウト' }).click()
  await expect(page).toHaveURL(/\/login/)
  await expect.poll(kept).toBe(false)
})

test('past 100 scans a minute the screen says to wait', async ({ page }) => {
  test.setTimeout(120_000)
  const sub = uniqueSub('scanlimit')
  await registerCompany(page, { subdomain: sub, email: `owner@${sub}.genba.test`, password: 'kanri-genba-2026-pass' })
  await page.goto(url(sub, '/scan'))
  const statuses = await page.evaluate(async () => {
    const out: number[] = []
    for (let i = 0; i < 100; i++) out.push((await fetch('/api/scan?q=Z-9999')).status)
    return out
  })
  expect(new Set(statuses)).toEqual(new Set([404]))
  await page.getByLabel('管理番号を入力').fill('A-0001')
  await page.getByRole('button', { name: '探す' }).click()
  await expect(page.getByTestId('scan-error')).toHaveText(/^スキャンが多すぎます。\d+秒ほど待ってからもう一度お試しください。$/)
})

test('@phone the scan screen: the big button in the middle of the bar, big targets throughout', async ({ page }) => {
  await login(page, 'demo', 'staff')
  const bar = page.getByRole('navigation', { name: 'メインメニュー' }).last()
  const items = bar.getByRole('listitem')
  const n = await items.count()
  const scan = page.getByTestId('nav-scan')
  // The middle of the bar (with an even number of items, the left one of the two middle places).
  await expect(items.nth(Math.floor((n - 1) / 2)).getByTestId('nav-scan')).toBeVisible()
  const big = await scan.boundingBox()
  expect(big!.height).toBeGreaterThanOrEqual(72)
  await scan.click()
  await expect(page).toHaveURL(url('demo', '/scan'))
  const { tools } = await warehouseTools(page, 8, 1)
  for (const target of [page.getByRole('button', { name: 'カメラでスキャン' }), page.getByLabel('管理番号を入力'), page.getByRole('button', { name: '探す' }), page.getByRole('button', { name: 'まとめて' })]) {
    expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(48)
  }
  expect((await page.getByRole('button', { name: 'カメラでスキャン' }).boundingBox())!.height).toBeGreaterThanOrEqual(72)
  await findByCode(page, tools[0]!.code)
  const code = await page.getByTestId('tool-code').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
  expect(code).toBeGreaterThanOrEqual(32)
  for (const name of [/^持出し/, /^返却/, /^移動/]) {
    const box = (await page.getByRole('button', { name }).boundingBox())!
    expect(box.height).toBeGreaterThanOrEqual(48)
    expect(box.width).toBeGreaterThanOrEqual(48)
  }
})
