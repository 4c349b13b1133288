import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { setDb } from '@/lib/db'
import { createSession } from '@/lib/auth/sessions'
import { auditSignOut } from '@/lib/auth/sign-in'
import { openTestDb } from '../support/db'

// why: next/headers only works inside a Next request; the test hands it the request it describes.
const request = { host: 'demo.localhost:3000', cookie: '', path: '/tools', forwardedFor: '203.0.113.9, 10.0.0.1' }
vi.mock('next/headers', () => ({
  headers: async () =>
    new Headers({ host: request.host, 'x-genba-path': request.path, 'x-forwarded-for': request.forwardedFor, 'user-agent': 'test', 'x-request-id': 'req-9' }),
  cookies: async () => ({ get: (name: string) => (name === 'genba_session' && request.cookie ? { value: request.cookie } : undefined) }),
}))

// why: next.config.ts turns authInterrupts on for the app; outside `next` the flag arrives this way.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true'

const { currentMember, requireMember } = await import('@/lib/auth/member')
const { requireTenant } = await import('@/lib/tenancy/current')

const t = await openTestDb()
setDb(t.db)
afterAll(async () => {
  setDb(undefined)
  await t.close()
})

const A = t.company('demo')
const leader = A.members.find((m) => m.role === 'leader')!

async function signInAs(userId: string, orgId = A.id) {
  const { token } = await t.system((tx) => createSession(tx, { organizationId: orgId, userId }))
  request.cookie = token
}

describe('currentMember', () => {
  beforeEach(() => {
    request.host = 'demo.localhost:3000'
    request.cookie = ''
  })

  it('is the member behind the cookie, with the tenant context and the request for the audit trail', async () => {
    await signInAs(leader.userId)
    const member = await currentMember()
    expect(member).toMatchObject({
      tenant: { id: A.id, subdomain: 'demo' },
      role: 'leader',
      ctx: { userId: leader.userId, organizationId: A.id, role: 'leader', request: { ip: '203.0.113.9', userAgent: 'test', requestId: 'req-9' } },
    })
  })

  it('is null without a cookie, with a foreign cookie, or on another host', async () => {
    expect(await currentMember()).toBeNull()
    request.cookie = 'x'.repeat(200)
    expect(await currentMember()).toBeNull()
    await signInAs(leader.userId)
    request.host = 'sakura-denki.localhost:3000'
    expect(await currentMember()).toBeNull()
    request.host = 'localhost:3000'
    expect(await currentMember()).toBeNull()
  })
})

describe('requireMember', () => {
  beforeEach(() => {
    request.host = 'demo.localhost:3000'
  })

  it('sends a visitor to sign in, with the way back', async () => {
    request.cookie = ''
    await expect(requireMember()).rejects.toMatchObject({ digest: expect.stringContaining('/login?next=%2Ftools') })
  })

  it('answers 403 below the required role and passes at or above it', async () => {
    await signInAs(leader.userId)
    await expect(requireMember({ atLeast: 'admin' })).rejects.toMatchObject({ digest: expect.stringContaining('403') })
    expect((await requireMember({ atLeast: 'leader' })).role).toBe('leader')
  })
})

describe('a company that requires two-step sign-in', () => {
  it('sends its owners and admins without it to set it up, from any page or action but that one', async () => {
    await t.admin(`update organizations set settings = settings || '{"requireTwoFactor": true}' where id = $1`, [A.id])
    try {
      await signInAs(A.members.find((m) => m.role === 'admin')!.userId)
      request.path = '/tools'
      await expect(requireMember()).rejects.toMatchObject({ digest: expect.stringContaining(';/account/security;') })
      request.path = '/account/security'
      expect((await requireMember()).role).toBe('admin')
      await signInAs(leader.userId)
      request.path = '/tools'
      expect((await requireMember()).role).toBe('leader')
    } finally {
      await t.admin(`update organizations set settings = settings - 'requireTwoFactor' where id = $1`, [A.id])
    }
  })
})

describe('requireTenant', () => {
  it('gives the company when the host agrees with the path, else the 404', async () => {
    request.host = 'demo.localhost:3000'
    expect((await requireTenant(Promise.resolve({ tenant: 'demo' }))).id).toBe(A.id)
    await expect(requireTenant(Promise.resolve({ tenant: 'sakura-denki' }))).rejects.toMatchObject({ digest: expect.stringContaining('404') })
  })
})

describe('sign-out audit', () => {
  it('records who signed out', async () => {
    await t.system((tx) => auditSignOut(tx, A.id, leader.userId))
    const [row] = await t.admin<{ action: string; user_id: string }>(`select action, user_id from audit_logs where organization_id = $1 order by seq desc limit 1`, [A.id])
    expect(row).toEqual({ action: 'auth.sign_out', user_id: leader.userId })
  })
})
