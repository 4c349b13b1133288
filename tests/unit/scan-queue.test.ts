import { describe, expect, it } from 'vitest'
import type { SyncItemResult } from '@/lib/movements/sync'
import { nextChunk, queuedMove, readSyncResponse, reconcile, redo, retryDelay, type QueuedMove } from '@/lib/scan/queue'

const label = { toolCode: 'A-0001', toolName: 'インパクトドライバー', placeName: '渋谷現場', holderName: null, unit: null }
const user = '11111111-1111-4111-8111-111111111111'
const tool = '22222222-2222-4222-8222-222222222222'
const site = '33333333-3333-4333-8333-333333333333'
let n = 0
const ids = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`

const at = (iso: string) => new Date(iso)
const item = (iso: string, extra: Partial<QueuedMove> = {}): QueuedMove => ({
  ...queuedMove({ userId: user, toolId: tool, action: 'checkout', toLocationId: site, label }, at(iso), ids),
  ...extra,
})

describe('queuedMove', () => {
  it('gives each move its own UUID and the device time, leaving out what was not chosen', () => {
    const q = queuedMove({ userId: user, toolId: tool, action: 'consume', quantity: 3, note: '  ', holderId: null, label }, at('2026-11-20T01:02:03Z'), ids)
    expect(q.move).toEqual({ clientId: q.clientId, toolId: tool, action: 'consume', quantity: 3, movedAt: '2026-11-20T01:02:03.000Z' })
    expect(q).toMatchObject({ userId: user, state: 'pending', attempts: 0, error: null, batchId: null, queuedAt: '2026-11-20T01:02:03.000Z' })
    const full = queuedMove({ userId: user, toolId: tool, action: 'transfer', toLocationId: site, fromLocationId: site, holderId: user, note: ' 2階 ', label, batchId: 'b' })
    expect(full.move).toMatchObject({ toLocationId: site, fromLocationId: site, holderId: user, note: '2階' })
    expect(full.clientId).toMatch(/^[0-9a-f-]{36}$/)
    expect(full.batchId).toBe('b')
  })

  it('redoes a refused move as a new one, now', () => {
    const old = item('2026-11-20T00:00:00Z', { state: 'refused', error: { code: 'MOVED_LATER', status: 409 } })
    const again = redo(old, at('2026-11-21T00:00:00Z'), ids)
    expect(again.clientId).not.toBe(old.clientId)
    expect(again.move).toEqual({ ...old.move, clientId: again.clientId, movedAt: '2026-11-21T00:00:00.000Z' })
    expect(again).toMatchObject({ state: 'pending', error: null, label })
    expect(redo(old).move.movedAt).not.toBe(old.move.movedAt)
  })
})

describe('nextChunk', () => {
  it("sends only this member's pending moves, oldest device time first, a chunk at a time", () => {
    const a = item('2026-11-20T03:00:00Z')
    const b = item('2026-11-20T01:00:00Z')
    const c = item('2026-11-20T02:00:00Z', { state: 'refused' })
    const d = { ...item('2026-11-20T00:00:00Z'), userId: 'someone else' }
    expect(nextChunk([a, b, c, d], user).map((i) => i.clientId)).toEqual([b.clientId, a.clientId])
    expect(nextChunk([a, b], user, 1)).toEqual([b])
  })
})

describe('reconcile', () => {
  it('sorts every sent move into applied, refused or retry; nothing is dropped', () => {
    const [a, b, c, d, e] = ['01', '02', '03', '04', '05'].map((m) => item(`2026-11-20T00:${m}:00Z`))
    const move = { movementId: 'm', toolId: tool, toolCode: 'A-0001', action: 'checkout' as const, fromLocationId: null, toLocationId: site, holderId: user, quantity: 1, movedAt: '' }
    const results: SyncItemResult[] = [
      { clientId: a!.clientId, outcome: 'applied', status: 201, move },
      { clientId: b!.clientId, outcome: 'replayed', status: 200, move },
      { clientId: c!.clientId, outcome: 'refused', status: 409, code: 'INSUFFICIENT_QUANTITY', details: { available: 2 } },
      { clientId: d!.clientId, outcome: 'in_flight', status: 409, code: 'IN_FLIGHT' },
    ]
    const out = reconcile([a!, b!, c!, d!, e!], results)
    expect(out.applied.map((x) => [x.item.clientId, x.replayed])).toEqual([
      [a!.clientId, false],
      [b!.clientId, true],
    ])
    expect(out.refused).toEqual([{ ...c, state: 'refused', attempts: 1, error: { code: 'INSUFFICIENT_QUANTITY', status: 409, details: { available: 2 } } }])
    expect(out.retry.map((x) => [x.clientId, x.attempts, x.state])).toEqual([
      [d!.clientId, 1, 'pending'],
      [e!.clientId, 1, 'pending'],
    ])
    const mismatch = reconcile([a!], [{ clientId: a!.clientId, outcome: 'mismatch', status: 422 }])
    expect(mismatch.refused[0]!.error).toEqual({ code: 'VALIDATION', status: 422, details: undefined })
  })
})

describe('readSyncResponse', () => {
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } })

  it('reads results, the rate limit, a lost session, a missing role and server trouble', async () => {
    expect(await readSyncResponse(json(200, { results: [] }))).toEqual({ kind: 'results', results: [] })
    expect(await readSyncResponse(json(429, { code: 'RATE_LIMITED', message: '待って' }, { 'retry-after': '42' }))).toEqual({ kind: 'rate_limited', retryAfter: 42, message: '待って' })
    expect(await readSyncResponse(json(429, {}))).toEqual({ kind: 'rate_limited', retryAfter: 60, message: '' })
    expect(await readSyncResponse(json(401, { code: 'UNAUTHORIZED', message: 'ログイン' }))).toEqual({ kind: 'signed_out', message: 'ログイン' })
    expect(await readSyncResponse(json(403, { code: 'FORBIDDEN', message: '権限' }))).toEqual({ kind: 'forbidden', message: '権限' })
    expect(await readSyncResponse(json(400, { code: 'VALIDATION', message: '入力' }))).toEqual({ kind: 'failed', status: 400, code: 'VALIDATION', message: '入力' })
    expect(await readSyncResponse(new Response('<html>bad gateway</html>', { status: 502 }))).toEqual({ kind: 'failed', status: 502, code: 'INTERNAL', message: '' })
  })
})

describe('retryDelay', () => {
  it('waits 5 s, then doubles, up to 5 minutes', () => {
    expect([0, 1, 2, 3, 7, 20].map(retryDelay)).toEqual([5, 5, 10, 20, 300, 300])
  })
})
