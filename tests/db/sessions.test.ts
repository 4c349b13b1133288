import { afterAll, describe, expect, it } from 'vitest'
import { createSession, revokeAllSessions, revokeSession, sessionMember } from '@/lib/auth/sessions'
import { auditSignIn, checkPassword } from '@/lib/auth/sign-in'
import { DEMO_PASSWORD } from '@/lib/auth/seed'
import { setUserLocale } from '@/lib/profile/commands'
import { openTestDb, outcome, query, sql } from '../support/db'

const t = await openTestDb()
afterAll(() => t.close())

const A = t.company('demo')
const B = t.company('sakura-denki')
const staffA = A.members.find((m) => m.role === 'staff')!

async function newSession(orgId = A.id, userId = staffA.userId) {
  return t.system((tx) => createSession(tx, { organizationId: orgId, userId, ip: '198.51.100.1', userAgent: 'phone' }))
}

describe('sessions', () => {
  it('stores only the SHA-256 of a fresh 256-bit token', async () => {
    const a = await newSession()
    const b = await newSession()
    expect(a.token).not.toBe(b.token)
    expect(Buffer.from(a.token, 'base64url')).toHaveLength(32)
    const stored = await t.admin<{ token_hash: Buffer | Uint8Array }>(`select token_hash from sessions where user_id = $1`, [staffA.userId])
    for (const row of stored) {
      const hex = Buffer.from(row.token_hash).toString('hex')
      expect(hex).toHaveLength(64)
      expect(hex).not.toContain(Buffer.from(a.token).toString('hex'))
    }
  })

  it('finds the member behind a live token, only in the company it was made for', async () => {
    const { token } = await newSession()
    const found = await t.anonymous((tx) => sessionMember(tx, token, A.id))
    expect(found).toMatchObject({ userId: staffA.userId, role: 'staff', email: staffA.email, name: staffA.name })
    expect(await t.anonymous((tx) => sessionMember(tx, token, B.id))).toBeNull()
    expect(await t.anonymous((tx) => sessionMember(tx, token + 'x', A.id))).toBeNull()
  })

  it('ends at the idle limit and at the absolute limit', async () => {
    const idle = await newSession()
    await t.admin(`update sessions set last_seen_at = now() - interval '8 days' where token_hash = sha256($1::bytea)`, [Buffer.from(idle.token)])
    expect(await t.anonymous((tx) => sessionMember(tx, idle.token, A.id))).toBeNull()
    const old = await newSession()
    await t.admin(`update sessions set expires_at = now() - interval '1 second' where token_hash = sha256($1::bytea)`, [Buffer.from(old.token)])
    expect(await t.anonymous((tx) => sessionMember(tx, old.token, A.id))).toBeNull()
  })

  it('refreshes last_seen_at, at most once a minute', async () => {
    const { token } = await newSession()
    await t.admin(`update sessions set last_seen_at = now() - interval '2 hours' where token_hash = sha256($1::bytea)`, [Buffer.from(token)])
    await t.anonymous((tx) => sessionMember(tx, token, A.id))
    const [r] = await t.admin<{ fresh: boolean }>(`select last_seen_at > now() - interval '1 minute' as fresh from sessions where token_hash = sha256($1::bytea)`, [Buffer.from(token)])
    expect(r!.fresh).toBe(true)
  })

  it('ends when revoked, and all of a person’s sessions end together', async () => {
    const one = await newSession()
    const found = await t.anonymous((tx) => sessionMember(tx, one.token, A.id))
    await t.system((tx) => revokeSession(tx, A.id, found!.sessionId))
    expect(await t.anonymous((tx) => sessionMember(tx, one.token, A.id))).toBeNull()
    const two = await newSession()
    const three = await newSession()
    expect(await t.system((tx) => revokeAllSessions(tx, staffA.userId))).toBeGreaterThanOrEqual(2)
    expect(await t.anonymous((tx) => sessionMember(tx, two.token, A.id))).toBeNull()
    expect(await t.anonymous((tx) => sessionMember(tx, three.token, A.id))).toBeNull()
  })

  it('ends at once when the member is deactivated, and stays ended after reactivation', async () => {
    const leader = A.members.find((m) => m.role === 'leader')!
    const { token } = await newSession(A.id, leader.userId)
    await t.tenant(t.as('demo', 'admin'), (tx) => query(tx, sql`update memberships set is_active = false where user_id = ${leader.userId}`))
    expect(await t.anonymous((tx) => sessionMember(tx, token, A.id))).toBeNull()
    await t.tenant(t.as('demo', 'admin'), (tx) => query(tx, sql`update memberships set is_active = true where user_id = ${leader.userId}`))
    expect(await t.anonymous((tx) => sessionMember(tx, token, A.id))).toBeNull()
  })

  it('gives nothing while the company is suspended', async () => {
    const { token } = await newSession(B.id, B.members[0]!.userId)
    await t.admin(`update organizations set suspended_at = now() where id = $1`, [B.id])
    expect(await t.anonymous((tx) => sessionMember(tx, token, B.id))).toBeNull()
    await t.admin(`update organizations set suspended_at = null where id = $1`, [B.id])
    expect(await t.anonymous((tx) => sessionMember(tx, token, B.id))).not.toBeNull()
  })

  it('cannot be made for someone who is not a member of that company', async () => {
    expect(await outcome(newSession(B.id, staffA.userId))).toBe('23503')
  })

  it('is invisible to members, even their own', async () => {
    await newSession()
    expect(await outcome(t.tenant(t.as('demo', 'staff'), (tx) => query(tx, sql`select * from sessions`)))).toBe('42501')
    expect(await outcome(t.tenant(t.as('demo', 'owner'), (tx) => query(tx, sql`select * from user_credentials`)))).toBe('42501')
  })
})

describe('checkPassword', () => {
  const attempt = (orgId: string, email: string, password: string) => t.system((tx) => checkPassword(tx, { organizationId: orgId, email, password }))

  it('accepts a member with the right password, whatever the email case', async () => {
    expect(await attempt(A.id, 'STAFF@demo.genba.test', DEMO_PASSWORD)).toEqual({ ok: true, userId: staffA.userId, role: 'staff', totpEnabled: false })
  })

  it('refuses a wrong password, an unknown email, and a member of another company alike, and audits each', async () => {
    const before = await t.admin<{ n: number }>(`select count(*)::int as n from audit_logs where organization_id = $1 and action = 'auth.sign_in_failed'`, [A.id])
    expect(await attempt(A.id, staffA.email, 'wrong-password')).toEqual({ ok: false })
    expect(await attempt(A.id, 'nobody@example.com', DEMO_PASSWORD)).toEqual({ ok: false })
    expect(await attempt(A.id, B.members[0]!.email, DEMO_PASSWORD)).toEqual({ ok: false })
    const after = await t.admin<{ n: number }>(`select count(*)::int as n from audit_logs where organization_id = $1 and action = 'auth.sign_in_failed'`, [A.id])
    expect(after[0]!.n - before[0]!.n).toBe(3)
  })

  it('refuses a deactivated member', async () => {
    const viewer = A.members.find((m) => m.role === 'viewer')!
    await t.admin(`update memberships set is_active = false where user_id = $1`, [viewer.userId])
    expect(await attempt(A.id, viewer.email, DEMO_PASSWORD)).toEqual({ ok: false })
    await t.admin(`update memberships set is_active = true where user_id = $1`, [viewer.userId])
  })

  it('records a successful sign-in with the method', async () => {
    await t.system((tx) => auditSignIn(tx, A.id, staffA.userId, 'password'))
    const [row] = await t.admin<{ user_id: string; new_value: unknown }>(
      `select user_id, new_value from audit_logs where organization_id = $1 and action = 'auth.sign_in' order by seq desc limit 1`,
      [A.id],
    )
    expect(row).toEqual({ user_id: staffA.userId, new_value: { method: 'password' } })
  })
})

describe('profile', () => {
  it('lets a member set their own language and no one else’s', async () => {
    const owner = t.as('demo', 'owner')
    await t.tenant(owner, (tx) => setUserLocale(tx, owner.userId, 'en'))
    await t.tenant(owner, (tx) => setUserLocale(tx, staffA.userId, 'en'))
    const rows = await t.admin<{ id: string; locale: string }>(`select id, locale from users where id = any($1::uuid[])`, [[owner.userId, staffA.userId]])
    expect(Object.fromEntries(rows.map((r) => [r.id, r.locale]))).toEqual({ [owner.userId]: 'en', [staffA.userId]: 'ja' })
  })
})
