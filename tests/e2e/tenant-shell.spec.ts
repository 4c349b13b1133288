import { expect, test } from '@playwright/test'
import { login, url } from './helpers'

test('the demo company sign-in page renders in Japanese, for password managers too', async ({ page }) => {
  const response = await page.goto(url('demo', '/login'))
  expect(response?.status()).toBe(200)
  await expect(page.getByRole('heading', { name: 'ログイン' })).toBeVisible()
  await expect(page.getByText('デモ建設株式会社').first()).toBeVisible()
  await expect(page.getByLabel('メールアドレス')).toHaveAttribute('autocomplete', 'username')
  await expect(page.getByLabel('パスワード')).toHaveAttribute('autocomplete', 'current-password')
})

test('the sign-in page switches to English and stays there', async ({ page }) => {
  await page.goto(url('demo', '/login'))
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await expect(page.getByLabel('Email')).toBeVisible()
  await page.goto(url('demo', '/login'))
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
})

test.describe('an English browser', () => {
  test.use({ locale: 'en-US' })
  test('gets English without choosing', async ({ page }) => {
    await page.goto(url('demo', '/login'))
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
    await expect(page.getByText('Sign in with your デモ建設株式会社 account.')).toBeVisible()
  })
})

test('@phone the company shell has a bottom bar of big targets on a phone', async ({ page }) => {
  await login(page, 'demo', 'staff')
  await expect(page.getByText('デモ建設株式会社').first()).toBeVisible()
  const bar = page.getByRole('navigation', { name: 'メインメニュー' }).last()
  await expect(bar).toBeVisible()
  const home = bar.getByRole('link', { name: 'ホーム' })
  const box = await home.boundingBox()
  expect(box!.height).toBeGreaterThanOrEqual(56)
  await expect(home).toHaveAttribute('aria-current', 'page')
})
