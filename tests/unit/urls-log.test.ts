import { afterEach, describe, expect, it } from 'vitest'
import { requestLogger } from '@/lib/log'
import { adminUrl, siteUrl, tenantUrl } from '@/lib/urls'

describe('urls', () => {
  afterEach(() => {
    delete process.env.APP_DOMAIN
  })

  it('builds http links on localhost and https elsewhere', () => {
    process.env.APP_DOMAIN = 'localhost:3000'
    expect(tenantUrl('demo', '/scan?id=1')).toBe('http://demo.localhost:3000/scan?id=1')
    expect(siteUrl('/register')).toBe('http://localhost:3000/register')
    process.env.APP_DOMAIN = 'genba.jp'
    expect(adminUrl()).toBe('https://admin.genba.jp/')
    expect(tenantUrl('a-kensetsu')).toBe('https://a-kensetsu.genba.jp/')
  })
})

describe('requestLogger', () => {
  it('binds the request id and organisation id to every line', () => {
    const log = requestLogger({ requestId: 'req-1', organizationId: 'org-1' })
    expect(log.bindings()).toMatchObject({ request_id: 'req-1', organization_id: 'org-1' })
  })
})
