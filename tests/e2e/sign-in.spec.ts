import { expect, test } from '@playwright/test'
import { DEMO_PASSWORD, login, url } from './helpers'

test('a member signs in, sees the company shell, and signs out', async ({ page }) => {
  await login(page, 'demo', 'owner')
  await expect(page.getByRole('heading', { name: 'ホーム' })).toBeVisible()
  await expect(page.getByText('山田 太郎')).toBeVisible()
  await page.getByRole('button', { name: 'ログアウト' }).click()
  await expect(page).toHaveURL(url('demo', '/login'))
  await page.goto(url('demo', '/'))
  await expect(page).toHaveURL(/\/login\?next=%2F$/)
})

test('an unsigned visitor is sent to sign in and brought back', async ({ page }) => {
  await page.goto(url('demo', '/?from=qr'))
  await expect(page).toHaveURL(url('demo', '/login?next=%2F%3Ffrom%3Dqr'))
  await page.locator('input[name="email"]').fill('staff@demo.genba.test')
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'ログイン' }).click()
  await expect(page).toHaveURL(url('demo', '/?from=qr'))
})

test('a wrong password gives one message and keeps the email', async ({ page }) => {
  await page.goto(url('demo', '/login'))
  await page.locator('input[name="email"]').fill('leader@demo.genba.test')
  await page.locator('input[name="password"]').fill('not-the-password')
  await page.getByRole('button', { name: 'ログイン' }).click()
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('メールアドレスまたはパスワードが違います。')
  await expect(page.locator('input[name="email"]')).toHaveValue('leader@demo.genba.test')
})

test("a member of one company cannot sign in on another company's subdomain", async ({ page }) => {
  await page.goto(url('demo', '/login'))
  await page.locator('input[name="email"]').fill('owner@sakura-denki.genba.test')
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'ログイン' }).click()
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('メールアドレスまたはパスワードが違います。')
})

test('a session on one company does not sign anyone in on another', async ({ page }) => {
  await login(page, 'demo', 'admin')
  await page.goto(url('sakura-denki', '/'))
  await expect(page).toHaveURL(/sakura-denki\.localhost:\d+\/login/)
})

test('the session cookie is HttpOnly, SameSite=Lax and host-only', async ({ page, context }) => {
  await login(page, 'demo', 'viewer')
  const cookie = (await context.cookies(url('demo'))).find((c) => c.name === 'genba_session')!
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', domain: 'demo.localhost' })
  expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/)
})

test('a signed-in member who switches language keeps it on the account', async ({ page, browser }) => {
  await login(page, 'sakura-denki', 'leader')
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { name: 'Home' })).toBeVisible()
  const fresh = await browser.newContext({ locale: 'ja-JP' })
  const other = await fresh.newPage()
  await login(other, 'sakura-denki', 'leader')
  await expect(other.getByRole('heading', { name: 'Home' })).toBeVisible()
  await fresh.close()
})
