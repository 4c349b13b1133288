import { expect, test } from '@playwright/test'
import { login, open, url } from './helpers'

test('the carry-in notice: a PDF for a site, and an unknown management number sends the form back filled in, saying which', async ({ page }) => {
  await login(page, 'demo', 'leader')
  const index: { locations: { id: string; type: string }[] } = await page.evaluate(async () => (await fetch('/api/scan/index')).json())
  const siteId = index.locations.find((l) => l.type === 'site')!.id
  await open(page, url('demo', `/sites/${siteId}/carry-in`))
  const form = page.getByTestId('carry-in-form')
  await expect(form).toBeVisible()

  const pdf = await page.evaluate(async (path) => {
    const r = await fetch(path)
    return { status: r.status, type: r.headers.get('content-type'), magic: new TextDecoder().decode((await r.arrayBuffer()).slice(0, 5)) }
  }, `/sites/${siteId}/carry-in/pdf?company=${encodeURIComponent('デモ建設株式会社')}&extra=A-0001`)
  expect(pdf).toEqual({ status: 200, type: 'application/pdf', magic: '%PDF-' })

  // As the form's submit would: the browser follows the answer back to the form.
  await open(page, url('demo', `/sites/${siteId}/carry-in/pdf?company=X&notes=${encodeURIComponent('二重絶縁')}&extra=${encodeURIComponent('a1 Z-9999')}`))
  await expect(page).toHaveURL(new RegExp(`/sites/${siteId}/carry-in\\?.*problem=unknown`))
  await expect(page.getByTestId('carry-in-problem')).toContainText('Z-9999')
  await expect(page.getByTestId('carry-in-problem')).not.toContainText('A-0001')
  await expect(form.locator('input[name="extra"]')).toHaveValue('a1 Z-9999')
  await expect(form.locator('textarea[name="notes"]')).toHaveValue('二重絶縁')
  await expect(form.locator('input[name="company"]')).toHaveValue('X')
})
