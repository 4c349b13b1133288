import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

// why: next/headers only works inside a Next request; these tests hand it the request they describe.
const request = { host: '', cookie: undefined as string | undefined, acceptLanguage: '' }
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: request.host, 'accept-language': request.acceptLanguage }),
  cookies: async () => ({ get: (name: string) => (name === 'NEXT_LOCALE' && request.cookie ? { value: request.cookie } : undefined) }),
}))

const { requestLocale } = await import('@/lib/i18n/request-locale')

describe('requestLocale', () => {
  beforeEach(() => {
    request.cookie = undefined
    request.acceptLanguage = ''
  })

  it('reads the cookie, then Accept-Language', async () => {
    request.acceptLanguage = 'en-GB,en;q=0.8'
    expect(await requestLocale()).toBe('en')
    request.cookie = 'ja'
    expect(await requestLocale()).toBe('ja')
  })

  it("puts the user's own setting first", async () => {
    request.cookie = 'ja'
    expect(await requestLocale('en')).toBe('en')
  })
})

describe('currentTenant', () => {
  afterEach(() => vi.resetModules())

  it('refuses when the host and the rewritten path disagree, without asking the database', async () => {
    vi.doMock('@/lib/db', () => ({ withAnonymous: vi.fn(() => Promise.reject(new Error('must not be called'))) }))
    const { currentTenant } = await import('@/lib/tenancy/current')
    request.host = 'demo.localhost:3000'
    expect(await currentTenant('other')).toBeNull()
    request.host = 'localhost:3000'
    expect(await currentTenant('demo')).toBeNull()
    request.host = 'api.localhost:3000'
    expect(await currentTenant('_')).toBeNull()
  })

  it('looks the company up when host and path agree', async () => {
    const lookup = vi.fn(async () => ({ id: '1', name: 'デモ建設株式会社', subdomain: 'demo', plan: 'premium' }))
    vi.doMock('@/lib/db', () => ({ withAnonymous: lookup }))
    const { currentTenant } = await import('@/lib/tenancy/current')
    request.host = 'demo.localhost:3000'
    expect(await currentTenant('demo')).toMatchObject({ name: 'デモ建設株式会社' })
    expect(lookup).toHaveBeenCalledOnce()
  })
})
