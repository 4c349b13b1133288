import { expect, test } from '@playwright/test'
import { login, url } from './helpers'

test('an admin adds a company status with a colour and a leader sets it on a tool', async ({ page, browser }) => {
  await login(page, 'demo', 'admin')
  await page.goto(url('demo', '/settings/statuses'))
  await page.getByLabel('名前（例: レンタル中）').fill('校正待ち')
  await page.getByLabel('色').fill('#7c3aed')
  await page.getByLabel('扱い').selectOption({ label: '修理中' })
  await page.getByRole('button', { name: '追加する' }).click()
  await expect(page.getByRole('status')).toHaveText('状態を追加しました。')
  const company = page.locator('section', { has: page.getByRole('heading', { name: '会社独自の状態' }) })
  await expect(company.getByText('校正待ち')).toBeVisible()
  await expect(company.getByText('扱い: 修理中').last()).toBeVisible()

  const leader = await (await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo' })).newPage()
  await login(leader, 'demo', 'leader')
  await leader.goto(url('demo', '/tools?q=' + encodeURIComponent('トルクレンチ')))
  await leader.getByRole('table').getByRole('link', { name: 'トルクレンチ' }).click()
  await expect(leader).toHaveURL(/\/tools\/[0-9a-f-]{36}$/)
  await leader.getByLabel('状態を変える').selectOption({ label: '校正待ち' })
  await leader.getByRole('button', { name: '変更' }).click()
  await expect(leader.getByText('状態を変更しました。')).toBeVisible()
  await expect(leader.locator('header').getByText('校正待ち')).toBeVisible()
  // Company statuses are filters too.
  await leader.goto(url('demo', '/tools'))
  await leader.getByText('絞り込み・並べ替え').click()
  await leader.getByLabel('状態').selectOption({ label: '校正待ち' })
  await expect(leader.getByRole('table').locator('tbody tr')).toHaveCount(1)
  await expect(leader.getByRole('table')).toContainText('トルクレンチ')
})

test('an industry template adds its fields once', async ({ page }) => {
  await login(page, 'demo', 'admin')
  await page.goto(url('demo', '/settings/fields'))
  const template = page.locator('form', { has: page.getByRole('heading', { name: '業種のひな形を使う' }) })
  await template.getByLabel('ひな形').selectOption({ label: '塗装（最終メンテナンス日・ノズルサイズ）' })
  await template.getByRole('button', { name: 'ひな形を追加する' }).click()
  await expect(template.getByRole('status')).toHaveText('2項目を追加しました（すでにあった項目: 0）。')
  const tools = page.locator('section', { has: page.getByRole('heading', { name: '道具の項目' }) })
  await expect(tools.getByText('ノズルサイズ', { exact: true })).toBeVisible()
  await expect(tools.getByText('最終メンテナンス日', { exact: true })).toBeVisible()
  await template.getByRole('button', { name: 'ひな形を追加する' }).click()
  await expect(template.getByRole('status')).toHaveText('0項目を追加しました（すでにあった項目: 2）。')
})

test('staff see settings read-only', async ({ page }) => {
  await login(page, 'demo', 'staff')
  await page.goto(url('demo', '/settings/categories'))
  await expect(page.getByText('変更できるのはオーナーと管理者だけです。')).toBeVisible()
  await expect(page.getByRole('button', { name: '追加する' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /編集/ })).toHaveCount(0)
})

test("the plan's category limit is refused with a clear message", async ({ page }) => {
  // さくら電気工事 is on the basic plan: five categories, and the seed already has five.
  await login(page, 'sakura-denki', 'admin')
  await page.goto(url('sakura-denki', '/settings/categories'))
  await expect(page.getByText('5 / 5個')).toBeVisible()
  await page.getByLabel('名前').fill('溶接機')
  await page.getByLabel('記号').fill('W')
  await page.getByRole('button', { name: '追加する' }).click()
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('ご契約のプランで作れるカテゴリーは5個までです。')
})
