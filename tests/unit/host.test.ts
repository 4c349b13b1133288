import { describe, expect, it } from 'vitest'
import { internalPath, NO_TENANT, routeForHost } from '@/lib/tenancy/host'

const domain = 'localhost:3000'

describe('routeForHost', () => {
  it('sends the apex and www to the site', () => {
    expect(routeForHost('localhost:3000', domain)).toEqual({ kind: 'site' })
    expect(routeForHost('www.localhost:3000', domain)).toEqual({ kind: 'site' })
    expect(routeForHost('genba.jp', 'genba.jp')).toEqual({ kind: 'site' })
  })

  it('sends admin. to the operator console', () => {
    expect(routeForHost('admin.localhost:3000', domain)).toEqual({ kind: 'admin' })
    expect(routeForHost('ADMIN.genba.jp', 'genba.jp')).toEqual({ kind: 'admin' })
  })

  it('sends any other single label to that company, ignoring case and port', () => {
    expect(routeForHost('demo.localhost:3000', domain)).toEqual({ kind: 'tenant', subdomain: 'demo' })
    expect(routeForHost('Demo.Localhost:3100', domain)).toEqual({ kind: 'tenant', subdomain: 'demo' })
    expect(routeForHost('a-kensetsu-x7k2.genba.jp', 'genba.jp')).toEqual({ kind: 'tenant', subdomain: 'a-kensetsu-x7k2' })
  })

  it('gives reserved, nested and malformed labels the company nobody has', () => {
    for (const host of ['api.localhost:3000', 'mail.localhost', 'a.b.localhost:3000', 'x_y.localhost', '-a.localhost', 'ab.localhost']) {
      expect(routeForHost(host, domain)).toEqual({ kind: 'tenant', subdomain: NO_TENANT })
    }
  })

  it('treats foreign hosts (an IP, a missing header) as the site', () => {
    expect(routeForHost('127.0.0.1:3000', domain)).toEqual({ kind: 'site' })
    expect(routeForHost(null, domain)).toEqual({ kind: 'site' })
    expect(routeForHost('evil-localhost:3000', domain)).toEqual({ kind: 'site' })
  })
})

describe('internalPath', () => {
  it('rewrites a company host under /t/<subdomain>', () => {
    expect(internalPath({ kind: 'tenant', subdomain: 'demo' }, '/')).toBe('/t/demo')
    expect(internalPath({ kind: 'tenant', subdomain: 'demo' }, '/login')).toBe('/t/demo/login')
    expect(internalPath({ kind: 'tenant', subdomain: 'demo' }, '/api/scan')).toBe('/t/demo/api/scan')
  })

  it('rewrites the admin host under /admin', () => {
    expect(internalPath({ kind: 'admin' }, '/')).toBe('/admin')
    expect(internalPath({ kind: 'admin' }, '/tenants')).toBe('/admin/tenants')
  })

  it('leaves site paths alone', () => {
    expect(internalPath({ kind: 'site' }, '/')).toBe('/')
    expect(internalPath({ kind: 'site' }, '/register')).toBe('/register')
    expect(internalPath({ kind: 'site' }, '/tools')).toBe('/tools')
  })

  it('never serves the internal prefixes directly, from any host', () => {
    for (const route of [{ kind: 'site' }, { kind: 'admin' }, { kind: 'tenant', subdomain: 'demo' }] as const) {
      expect(internalPath(route, '/t/demo/login')).toBeNull()
      expect(internalPath(route, '/t')).toBeNull()
      expect(internalPath(route, '/admin')).toBeNull()
      expect(internalPath(route, '/admin/tenants')).toBeNull()
    }
    expect(internalPath({ kind: 'site' }, '/administrators')).toBe('/administrators')
  })

  it('serves the health check on every host', () => {
    expect(internalPath({ kind: 'tenant', subdomain: 'demo' }, '/api/health')).toBe('/api/health')
    expect(internalPath({ kind: 'admin' }, '/api/health')).toBe('/api/health')
  })
})
