import { expect, test } from '@playwright/test'
import { login, url } from './helpers'

test('the scan API finds a tool by code, refuses unknown codes alike, and applies a synced move exactly once', async ({ page }) => {
  await login(page, 'demo', 'staff')
  const result = await page.evaluate(async () => {
    const index = await (await fetch('/api/scan/index')).json()
    const tool = index.tools.find((t: { managementType: string; locationType: string }) => t.managementType === 'individual' && t.locationType === 'warehouse')
    const site = index.locations.find((l: { type: string }) => l.type === 'site')
    const card = await (await fetch(`/api/scan?q=${encodeURIComponent(tool.code.toLowerCase().replace('-', ''))}`)).json()
    const unknown = await fetch('/api/scan?q=Z-9999')
    const foreign = await fetch('/api/scan?q=' + encodeURIComponent('https://sakura-denki.localhost/scan?id=' + crypto.randomUUID()))
    const items = [{ clientId: crypto.randomUUID(), toolId: tool.id, action: 'checkout', toLocationId: site.id, movedAt: new Date().toISOString() }]
    const post = () => fetch('/api/moves/sync', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items }) }).then((r) => r.json())
    const first = await post()
    const second = await post()
    const after = await (await fetch(`/api/scan?q=${tool.id}`)).json()
    return { card, unknown: { status: unknown.status, body: await unknown.json() }, foreign: foreign.status, first, second, after, siteId: site.id, toolId: tool.id }
  })
  expect(result.card.id).toBe(result.toolId)
  expect(result.unknown).toEqual({ status: 404, body: { code: 'TOOL_NOT_FOUND', message: 'このQRコードは登録されていません' } })
  expect(result.foreign).toBe(404)
  expect(result.first.results[0]).toMatchObject({ outcome: 'applied', status: 201 })
  expect(result.second.results[0]).toMatchObject({ outcome: 'replayed', status: 200, move: { movementId: result.first.results[0].move.movementId } })
  expect(result.after.locationId).toBe(result.siteId)
})

test('a viewer may look tools up but not move them', async ({ page }) => {
  await login(page, 'demo', 'viewer')
  const status = await page.evaluate(async () => (await fetch('/api/moves/sync', { method: 'POST', body: '{}' })).status)
  expect(status).toBe(403)
})

test('the scan API needs a session', async ({ page }) => {
  await page.goto(url('demo', '/login'))
  const status = await page.evaluate(async () => (await fetch('/api/scan?q=A-0001')).status)
  expect(status).toBe(401)
})
