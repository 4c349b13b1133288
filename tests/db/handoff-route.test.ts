import { afterAll, describe, expect, it, vi } from 'vitest'
import { NextRequest } from 'next/server'
import { issueAuthToken } from '@/lib/auth/auth-tokens'
import { setDb } from '@/lib/db'
import ja from '@/messages/ja.json'
import { openTestDb } from '../support/db'

// why: next/headers only works inside a Next request; the test hands it the request it describes.
const request = { host: 'demo.localhost:3000', ip: '192.0.2.10' }
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: request.host, 'x-forwarded-for': request.ip, 'user-agent': 'route-test' }),
}))
// why: next-intl/server reads Next's request scope; here it gets the real Japanese messages.
vi.mock('next-intl/server', () => ({
  getTranslations: async (ns: 'errors') => (key: 'RATE_LIMITED', values: { minutes: number }) => ja[ns][key].replace('{minutes}', String(values.minutes)),
}))

const { GET } = await import('@/app/t/[tenant]/auth/handoff/route')

const t = await openTestDb()
setDb(t.db)
afterAll(async () => {
  setDb(undefined)
  await t.close()
})

const A = t.company('demo')
const owner = A.members.find((m) => m.role === 'owner')!
const call = (token: string) => GET(new NextRequest(`http://demo.localhost:3000/auth/handoff?token=${token}`))

describe('GET /auth/handoff', () => {
  it('exchanges a live token for a session cookie on this host, once', async () => {
    const token = await t.system((tx) => issueAuthToken(tx, { organizationId: A.id, userId: owner.userId, purpose: 'handoff' }))
    const first = await call(token)
    expect(first.status).toBe(303)
    expect(first.headers.get('location')).toBe('/')
    expect(first.headers.get('set-cookie')).toMatch(/^genba_session=[A-Za-z0-9_-]{43}; Path=\/; Expires=.*; HttpOnly; SameSite=lax$/i)
    const again = await call(token)
    expect(again.headers.get('location')).toBe('/login?handoff=expired')
    expect(again.headers.get('set-cookie')).toBeNull()
  })

  it('answers 429 with Retry-After and a translated message past 30 a minute from one address', async () => {
    request.ip = '192.0.2.77'
    const statuses: number[] = []
    for (let i = 0; i < 30; i++) statuses.push((await call('nothing')).status)
    expect(new Set(statuses)).toEqual(new Set([303]))
    const limited = await call('nothing')
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await limited.json()).toEqual({ code: 'RATE_LIMITED', message: '試行回数が多すぎます。1分ほど待ってからもう一度お試しください。' })
  })
})
