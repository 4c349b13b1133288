import { expect, test } from '@playwright/test'
import { url } from './helpers'

test('the apex shows the landing page in Japanese, and English on request', async ({ page }) => {
  await page.goto(url(''))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('その道具、いまどの現場にありますか？')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja')
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Which site is that tool on right now?')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Which site is that tool on right now?')
})

test('an unknown company gets the "company not found" page with status 404', async ({ page }) => {
  const response = await page.goto(url('no-such-company', '/login'))
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'この会社は見つかりませんでした' })).toBeVisible()
})

test('a reserved subdomain gets the same page as an unknown company', async ({ page }) => {
  const response = await page.goto(url('api', '/'))
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'この会社は見つかりませんでした' })).toBeVisible()
})

test('the internal paths are not reachable from another host', async ({ page }) => {
  for (const target of [url('', '/t/demo/login'), url('', '/admin'), url('demo', '/t/demo/login'), url('admin', '/t/demo')]) {
    const response = await page.goto(target)
    expect(response?.status(), target).toBe(404)
    await expect(page.getByRole('heading', { name: 'ページが見つかりません' })).toBeVisible()
  }
})

test('admin. serves the operator console', async ({ page }) => {
  await page.goto(url('admin'))
  await expect(page.getByRole('heading', { name: '運営コンソール' })).toBeVisible()
})

test('the health check reports the database and migrations', async ({ request }) => {
  const response = await request.get(url('', '/api/health'))
  expect(response.status()).toBe(200)
  expect(await response.json()).toMatchObject({ status: 'ok', database: { reachable: true, kind: 'pglite' }, migrations: { current: true } })
})

test('unknown API paths answer JSON in the error shape, on the apex and on a company host', async ({ page }) => {
  // From the browser: Node cannot resolve *.localhost.
  for (const sub of ['', 'demo']) {
    await page.goto(url(sub, '/'))
    const answer = await page.evaluate(async () => {
      const response = await fetch('/api/nope')
      return { status: response.status, body: await response.json() }
    })
    expect(answer, sub).toEqual({ status: 404, body: { code: 'NOT_FOUND', message: '見つかりませんでした。' } })
  }
})
