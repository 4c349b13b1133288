import { expect, test } from '@playwright/test'
import { login, open, url } from './helpers'

test('a tool’s page: its latest moves, its inspections, and one tap to move it, report it broken or print its label', async ({ page }) => {
  await login(page, 'demo', 'leader')
  const card = await page.evaluate(async () => (await fetch('/api/scan?q=A-0001')).json())
  const id: string = card.tool?.id ?? card.id
  expect(id).toMatch(/^[0-9a-f-]{36}$/)
  await open(page, url('demo', `/tools/${id}`))

  const history = page.getByTestId('tool-history')
  await expect(history.getByTestId('movement-card').first()).toBeVisible()
  await expect(history.getByRole('link', { name: 'すべての履歴を見る' })).toHaveAttribute('href', `/movements?tool=${id}`)

  // A-0001 is a power tool: the demo's monthly inspection (月例点検) applies, with its next due date.
  const maintenance = page.getByTestId('tool-maintenance')
  await expect(maintenance.getByRole('listitem').filter({ hasText: '月例点検（電動工具）' }).filter({ hasText: /次回 \d{4}\/\d{2}\/\d{2}/ }).first()).toBeVisible()

  const quick = page.getByRole('navigation', { name: 'この道具で' })
  await expect(quick.getByRole('link', { name: 'ラベル印刷' })).toHaveAttribute('href', `/labels?tool=${id}`)
  await quick.getByRole('link', { name: '故障を報告' }).click()
  await expect(page).toHaveURL(url('demo', `/maintenance/report?tool=${id}`))
  await expect(page.getByTestId('tool')).toContainText('A-0001')

  await open(page, url('demo', `/tools/${id}`))
  await page.getByRole('navigation', { name: 'この道具で' }).getByRole('link', { name: '移動する（スキャン画面）' }).click()
  await expect(page).toHaveURL(url('demo', `/scan?id=${id}`))
  await expect(page.getByTestId('tool-card')).toContainText('A-0001')
})

test('a viewer sees the tool’s history but no actions', async ({ page }) => {
  await login(page, 'demo', 'viewer')
  const card = await page.evaluate(async () => (await fetch('/api/scan?q=A-0001')).json())
  const id: string = card.tool?.id ?? card.id
  await open(page, url('demo', `/tools/${id}`))
  await expect(page.getByTestId('tool-history')).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'この道具で' })).toHaveCount(0)
})
