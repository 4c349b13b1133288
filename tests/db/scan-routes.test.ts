import 'fake-indexeddb/auto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createSession } from '@/lib/auth/sessions'
import { setDb } from '@/lib/db'
import { flushQueue, type PostMoves } from '@/lib/scan/outbox'
import { queuedMove, readSyncResponse } from '@/lib/scan/queue'
import { openScanStore, type ScanStore } from '@/lib/scan/store'
import ja from '@/messages/ja.json'
import { openTestDb } from '../support/db'

// why: next/headers only works inside a Next request; the test hands the routes the request it describes.
const request = { host: 'demo.localhost:3000', cookie: '' }
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: request.host, 'user-agent': 'route-test' }),
  cookies: async () => ({ get: (name: string) => (name === 'genba_session' && request.cookie ? { name, value: request.cookie } : undefined) }),
}))
// why: next-intl/server reads Next's request scope; here it gets the real Japanese messages.
vi.mock('next-intl/server', () => ({
  getTranslations: async (ns: 'errors') => (key: keyof (typeof ja)['errors'], values: Record<string, unknown> = {}) =>
    ja[ns][key].replace(/\{(\w+)\}/g, (_, k: string) => String(values[k])),
}))

const scanRoute = await import('@/app/t/[tenant]/api/scan/route')
const syncRoute = await import('@/app/t/[tenant]/api/moves/sync/route')

const t = await openTestDb()
setDb(t.db)
afterAll(async () => {
  setDb(undefined)
  await t.close()
})

const A = t.company('demo')
const signIn = async (role: string) => {
  const m = A.members.find((x) => x.role === role)!
  const { token } = await t.system((tx) => createSession(tx, { organizationId: A.id, userId: m.userId }))
  request.cookie = token
  return m.userId
}
const scan = (q: string) => scanRoute.GET(new Request(`http://demo.localhost:3000/api/scan?q=${encodeURIComponent(q)}`))
const sync = (items: unknown[]) =>
  syncRoute.POST(new Request('http://demo.localhost:3000/api/moves/sync', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items }) }))
const post: PostMoves = async (items) => readSyncResponse(await sync(items))

type Row = { id: string; tool_code: string; name: string }
const warehouseTools = (n: number) =>
  t.admin<Row>(
    `select t.id, t.tool_code, t.name from tools t join locations l on l.organization_id = t.organization_id and l.id = t.current_location_id
     where t.organization_id = $1 and t.deleted_at is null and t.status <> 'disposed' and t.management_type = 'individual' and l.type = 'warehouse'
     order by t.tool_code limit $2`,
    [A.id, n],
  )
let site: { id: string; name: string } = { id: '', name: '' }
beforeAll(async () => {
  site = (await t.admin<{ id: string; name: string }>(`select id, name from locations where organization_id = $1 and type = 'site' and is_active and closed_at is null order by name limit 1`, [A.id]))[0]!
})
const movesOf = async (toolId: string) => (await t.admin<{ n: number }>(`select count(*)::int as n from tool_movements where tool_id = $1 and source = 'offline'`, [toolId]))[0]!.n

describe('the scan limit (100 a minute per member)', () => {
  it('answers the 101st scan with 429, Retry-After and a translated message; a sync costs one point per move', async () => {
    const userId = await signIn('leader')
    const [tool] = await warehouseTools(1)
    const statuses: number[] = []
    for (let i = 0; i < 98; i++) statuses.push((await scan('Z-9999')).status)
    expect(new Set(statuses)).toEqual(new Set([404]))
    expect((await scan(tool!.tool_code)).status).toBe(200)
    const move = queuedMove({ userId, toolId: tool!.id, action: 'checkout', toLocationId: site.id, label: { toolCode: tool!.tool_code, toolName: tool!.name, placeName: site.name, holderName: null, unit: null } })
    // The 100th point is the last one: one more move goes over.
    const twoMoves = await sync([move.move, { ...move.move, clientId: crypto.randomUUID() }])
    expect(twoMoves.status).toBe(429)
    expect(await movesOf(tool!.id)).toBe(0)
    const limited = await scan(tool!.tool_code)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60)
    expect(await limited.json()).toEqual({ code: 'RATE_LIMITED', message: expect.stringMatching(/^スキャンが多すぎます。\d+秒ほど待ってからもう一度お試しください。$/) })
    // Another member's scans are counted apart.
    await signIn('staff')
    expect((await scan(tool!.tool_code)).status).toBe(200)
  })
})

describe('flushQueue against the real sync route', () => {
  let store: ScanStore
  beforeAll(async () => {
    store = await openScanStore('flush-test')
  })

  it('sends queued moves once, keeps refusals with their reason, and a resend applies nothing twice', async () => {
    const userId = await signIn('staff')
    const tools = await warehouseTools(4)
    const [q] = await t.admin<Row & { current_quantity: number }>(
      `select id, tool_code, name, current_quantity from tools where organization_id = $1 and management_type = 'quantity' and deleted_at is null and status <> 'disposed' order by tool_code limit 1`,
      [A.id],
    )
    const label = (r: Row) => ({ toolCode: r.tool_code, toolName: r.name, placeName: site.name, holderName: null, unit: null })
    const base = Date.now() - 60_000
    const moves = tools.slice(1).map((r, i) => queuedMove({ userId, toolId: r.id, action: 'checkout', toLocationId: site.id, label: label(r) }, new Date(base + i * 1000)))
    const tooMany = queuedMove({ userId, toolId: q!.id, action: 'checkout', toLocationId: site.id, quantity: q!.current_quantity + 1, label: label(q!) }, new Date(base + 5000))
    const someoneElses = queuedMove({ userId: crypto.randomUUID(), toolId: tools[0]!.id, action: 'checkout', toLocationId: site.id, label: label(tools[0]!) })
    for (const m of [...moves, tooMany, someoneElses]) await store.add(m)

    const report = await flushQueue(store, userId, post)
    expect(report.stopped).toBeNull()
    expect(report.applied.map((a) => a.item.clientId).sort()).toEqual(moves.map((m) => m.clientId).sort())
    expect(report.refused).toHaveLength(1)
    expect(report.refused[0]).toMatchObject({ clientId: tooMany.clientId, state: 'refused', error: { code: 'INSUFFICIENT_QUANTITY', status: 409 } })
    expect((await store.list(userId)).map((i) => [i.clientId, i.state])).toEqual([[tooMany.clientId, 'refused']])
    expect(await store.get(someoneElses.clientId)).toMatchObject({ state: 'pending' })
    for (const r of tools.slice(1)) expect(await movesOf(r.id)).toBe(1)
    expect(await movesOf(q!.id)).toBe(0)

    // The same moves sent again (a lost answer, a second tab): replayed, still one movement each.
    const again = await sync(moves.map((m) => m.move))
    expect(((await again.json()) as { results: { outcome: string }[] }).results.map((r) => r.outcome)).toEqual(['replayed', 'replayed', 'replayed'])
    for (const r of tools.slice(1)) expect(await movesOf(r.id)).toBe(1)
    // A flush with nothing pending sends nothing.
    expect(await flushQueue(store, userId, post)).toEqual({ applied: [], refused: [], stopped: null })
  })

  it('stops when the network is gone and keeps everything; a move the server rejects as malformed does not block the others', async () => {
    const userId = await signIn('staff')
    const [one, two] = await warehouseTools(2)
    const label = { toolCode: one!.tool_code, toolName: one!.name, placeName: site.name, holderName: null, unit: null }
    const good = queuedMove({ userId, toolId: one!.id, action: 'checkout', toLocationId: site.id, label })
    const bad = queuedMove({ userId, toolId: two!.id, action: 'checkout', toLocationId: site.id, note: 'x'.repeat(501), label })
    await store.add(good)
    await store.add(bad)
    const offline = await flushQueue(store, userId, async () => ({ kind: 'network' }))
    expect(offline).toEqual({ applied: [], refused: [], stopped: { kind: 'network' } })
    expect((await store.list(userId)).filter((i) => i.state === 'pending')).toHaveLength(2)

    const report = await flushQueue(store, userId, post)
    expect(report.applied.map((a) => a.item.clientId)).toEqual([good.clientId])
    expect(report.refused.map((r) => [r.clientId, r.error?.code])).toEqual([[bad.clientId, 'VALIDATION']])
    expect(await movesOf(one!.id)).toBe(1)
    expect(await movesOf(two!.id)).toBe(0)
  })

  it('keeps the offline index per member', async () => {
    const index = { tools: [], locations: [], recentLocationIds: [], members: [], at: '2026-11-20T00:00:00.000Z' }
    await store.saveIndex('u1', index)
    expect(await store.loadIndex('u1')).toEqual(index)
    expect(await store.loadIndex('u2')).toBeNull()
    await store.remove('nothing')
    store.close()
  })
})
