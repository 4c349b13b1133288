import { afterAll, describe, expect, it } from 'vitest'
import { companyCreatedHooks } from '@/lib/accounts/hooks'
import { acceptInvitation, createInvitation, listOpenInvitations, previewInvitation, revokeInvitation } from '@/lib/accounts/invitations'
import { changeRole, companySecurity, listMembers, setCompanySecurity, setMemberActive, transferOwnership } from '@/lib/accounts/members'
import { registerCompany, subdomainTaken } from '@/lib/accounts/register'
import { issueAuthToken, peekAuthToken, redeemAuthToken } from '@/lib/auth/auth-tokens'
import { verifyPassword } from '@/lib/auth/password'
import { DEMO_PASSWORD } from '@/lib/auth/seed'
import { tokenHash } from '@/lib/auth/tokens'
import { setDb } from '@/lib/db'
import { openTestDb, outcome, query, sql } from '../support/db'

const t = await openTestDb()
setDb(t.db)
afterAll(async () => {
  setDb(undefined)
  await t.close()
})

const A = t.company('demo')
const B = t.company('sakura-denki')
const adminA = t.as('demo', 'admin')
const ownerA = t.as('demo', 'owner')
const signUp = (over: Partial<Parameters<typeof registerCompany>[1]> = {}) => ({
  companyName: '青空建設',
  subdomain: `aozora-${crypto.randomUUID().slice(0, 6)}`,
  randomSuffix: false,
  ownerName: '青空 一郎',
  email: `owner-${crypto.randomUUID().slice(0, 8)}@aozora.test`,
  password: 'kawara-no-hashi-7',
  ...over,
})

describe('company sign-up', () => {
  it('creates the company, the owner and their login, runs the company-created hooks, and hands a sign-in over', async () => {
    const seen: string[] = []
    companyCreatedHooks.push(async (tx, company, owner) => {
      const [r] = await query<{ role: string }>(tx, sql`select role from memberships where organization_id = ${company.id} and user_id = ${owner.userId}`)
      seen.push(`${company.subdomain}:${r!.role}:${owner.email}`)
    })
    const input = signUp()
    const result = await t.system((tx) => registerCompany(tx, input))
    companyCreatedHooks.pop()
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(seen).toEqual([`${input.subdomain}:owner:${input.email}`])
    const [org] = await t.admin<{ name: string; plan: string; max_users: number }>(`select name, plan, max_users from organizations where id = $1`, [result.organizationId])
    expect(org).toMatchObject({ name: '青空建設', plan: 'basic', max_users: 20 })
    const [cred] = await t.admin<{ password_hash: string }>(`select password_hash from user_credentials where user_id = $1`, [result.userId])
    expect(await verifyPassword(cred!.password_hash, input.password)).toBe(true)
    const audit = await t.admin<{ action: string }>(`select action from audit_logs where organization_id = $1 order by seq`, [result.organizationId])
    expect(audit.map((a) => a.action)).toContain('company.registered')
    // The handoff works once, on the new company only.
    expect(await t.system((tx) => redeemAuthToken(tx, { organizationId: A.id, token: result.handoff, purpose: 'handoff' }))).toBeNull()
    expect(await t.system((tx) => redeemAuthToken(tx, { organizationId: result.organizationId, token: result.handoff, purpose: 'handoff' }))).toBe(result.userId)
    expect(await t.system((tx) => redeemAuthToken(tx, { organizationId: result.organizationId, token: result.handoff, purpose: 'handoff' }))).toBeNull()
  })

  it('refuses a taken subdomain and tells only that it is taken', async () => {
    expect(await t.anonymous((tx) => subdomainTaken(tx, 'sakura-denki'))).toBe(true)
    expect(await t.anonymous((tx) => subdomainTaken(tx, 'nobody-has-this'))).toBe(false)
    expect(await t.system((tx) => registerCompany(tx, signUp({ subdomain: 'demo' })))).toEqual({ ok: false, reason: 'subdomain_taken' })
  })

  it('adds a random suffix when asked (a-kensetsu-x7k2)', async () => {
    const result = await t.system((tx) => registerCompany(tx, signUp({ subdomain: 'a-kensetsu', randomSuffix: true })))
    expect(result.ok && result.subdomain).toMatch(/^a-kensetsu-[a-z2-9]{4}$/)
  })

  it('is refused by the database for reserved or malformed subdomains, whatever the caller', async () => {
    expect(await outcome(t.system((tx) => registerCompany(tx, signUp({ subdomain: 'admin' }))))).toBe('23514')
    expect(await outcome(t.system((tx) => registerCompany(tx, signUp({ subdomain: 'Bad_Name' }))))).toBe('23514')
  })

  it('lets an existing login found another company only with its password (one person, one login)', async () => {
    const owner = A.members.find((m) => m.role === 'owner')!
    expect(await t.system((tx) => registerCompany(tx, signUp({ email: owner.email, password: 'wrong-password-1' })))).toEqual({ ok: false, reason: 'email_taken' })
    const second = await t.system((tx) => registerCompany(tx, signUp({ email: owner.email, password: DEMO_PASSWORD })))
    expect(second.ok && second.userId).toBe(owner.userId)
  })
})

describe('auth tokens', () => {
  it('expire, and a two-factor token is not a handoff', async () => {
    const owner = A.members.find((m) => m.role === 'owner')!
    const token = await t.system((tx) => issueAuthToken(tx, { organizationId: A.id, userId: owner.userId, purpose: 'two_factor' }))
    expect(await t.system((tx) => peekAuthToken(tx, { organizationId: A.id, token, purpose: 'two_factor' }))).toBe(owner.userId)
    expect(await t.system((tx) => redeemAuthToken(tx, { organizationId: A.id, token, purpose: 'handoff' }))).toBeNull()
    await t.admin(`update auth_tokens set expires_at = now() - interval '1 second' where token_hash = $1`, [tokenHash(token)])
    expect(await t.system((tx) => peekAuthToken(tx, { organizationId: A.id, token, purpose: 'two_factor' }))).toBeNull()
  })

  it('give nothing once the member is deactivated', async () => {
    const viewer = A.members.find((m) => m.role === 'viewer')!
    const token = await t.system((tx) => issueAuthToken(tx, { organizationId: A.id, userId: viewer.userId, purpose: 'handoff' }))
    await t.admin(`update memberships set is_active = false where organization_id = $1 and user_id = $2`, [A.id, viewer.userId])
    expect(await t.system((tx) => redeemAuthToken(tx, { organizationId: A.id, token, purpose: 'handoff' }))).toBeNull()
    await t.admin(`update memberships set is_active = true where organization_id = $1 and user_id = $2`, [A.id, viewer.userId])
  })
})

describe('invitations', () => {
  it('an admin invites up to their own role; the link token is 256 bits and only its hash is stored', async () => {
    const made = await t.tenant(adminA, (tx) => createInvitation(tx, adminA, { email: 'kanda@example.jp', role: 'leader' }))
    expect(made.ok).toBe(true)
    if (!made.ok) return
    expect(Buffer.from(made.token, 'base64url')).toHaveLength(32)
    const [row] = await t.admin<{ token_hash: Uint8Array; expires_at: Date }>(`select token_hash, expires_at from invitations where id = $1`, [made.id])
    expect(Buffer.from(row!.token_hash).equals(tokenHash(made.token))).toBe(true)
    const days = (new Date(row!.expires_at).getTime() - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(6.9)
    expect(days).toBeLessThanOrEqual(7)
    const open = await t.tenant(adminA, (tx) => listOpenInvitations(tx))
    expect(open.map((i) => i.email)).toContain('kanda@example.jp')
  })

  it('nobody invites above their own role or makes owners; leaders and below cannot invite at all', async () => {
    expect(await t.tenant(adminA, (tx) => createInvitation(tx, adminA, { email: 'x@example.jp', role: 'owner' as never }))).toEqual({ ok: false, reason: 'forbidden' })
    const leader = t.as('demo', 'leader')
    expect(await t.tenant(leader, (tx) => createInvitation(tx, leader, { email: 'x@example.jp', role: 'staff' }))).toEqual({ ok: false, reason: 'forbidden' })
    // The policy holds even when the server check is skipped.
    const raw = (ctx: typeof adminA, role: string) =>
      outcome(
        t.tenant(ctx, (tx) =>
          query(tx, sql`insert into invitations (organization_id, email, role, token_hash, invited_by, expires_at)
            values (${A.id}, 'raw@example.jp', ${role}, ${tokenHash(crypto.randomUUID())}, ${ctx.userId}, now() + interval '1 day')`),
        ),
      )
    expect(await raw(leader, 'staff')).toBe('42501')
    expect(await raw(adminA, 'owner')).toBe('42501')
    expect(await raw(adminA, 'admin')).toBe('ok')
    expect(await outcome(t.tenant(adminA, (tx) => query(tx, sql`select token_hash from invitations`)))).toBe('42501')
  })

  it('refuses to invite someone who is already a member', async () => {
    const staff = A.members.find((m) => m.role === 'staff')!
    expect(await t.tenant(adminA, (tx) => createInvitation(tx, adminA, { email: staff.email, role: 'staff' }))).toEqual({ ok: false, reason: 'already_member' })
  })

  it('is previewed, accepted once with a new account, and then gone', async () => {
    const made = await t.tenant(adminA, (tx) => createInvitation(tx, adminA, { email: 'shinjin@example.jp', role: 'staff' }))
    if (!made.ok) throw new Error('not invited')
    expect(await t.anonymous((tx) => previewInvitation(tx, A.id, made.token))).toMatchObject({ email: 'shinjin@example.jp', role: 'staff', hasAccount: false })
    expect(await t.anonymous((tx) => previewInvitation(tx, B.id, made.token))).toBeNull()
    const joined = await t.system((tx) => acceptInvitation(tx, A.id, { mode: 'new', token: made.token, name: '新人 太郎', password: 'nagoya-castle-42' }))
    expect(joined).toMatchObject({ ok: true, role: 'staff', totpEnabled: false })
    expect(await t.anonymous((tx) => previewInvitation(tx, A.id, made.token))).toBeNull()
    expect(await t.system((tx) => acceptInvitation(tx, A.id, { mode: 'new', token: made.token, name: 'again', password: 'nagoya-castle-42' }))).toEqual({
      ok: false,
      reason: 'invalid',
    })
    const members = await t.tenant(adminA, (tx) => listMembers(tx))
    expect(members.find((m) => m.email === 'shinjin@example.jp')).toMatchObject({ role: 'staff', isActive: true })
  })

  it('joins an existing login only with its password, into a second company (company switcher material)', async () => {
    const ownerB = t.as('sakura-denki', 'owner')
    const staffA = A.members.find((m) => m.role === 'staff')!
    const made = await t.tenant(ownerB, (tx) => createInvitation(tx, ownerB, { email: staffA.email, role: 'viewer' }))
    if (!made.ok) throw new Error('not invited')
    expect(await t.anonymous((tx) => previewInvitation(tx, B.id, made.token))).toMatchObject({ hasAccount: true })
    expect(await t.system((tx) => acceptInvitation(tx, B.id, { mode: 'new', token: made.token, name: 'x', password: 'whatever-123' }))).toEqual({ ok: false, reason: 'account_exists' })
    expect(await t.system((tx) => acceptInvitation(tx, B.id, { mode: 'existing', token: made.token, password: 'not-it-at-all' }))).toEqual({ ok: false, reason: 'password' })
    expect(await t.system((tx) => acceptInvitation(tx, B.id, { mode: 'existing', token: made.token, password: DEMO_PASSWORD }))).toMatchObject({ ok: true, userId: staffA.userId, role: 'viewer' })
    const companies = await t.tenant(t.as('demo', 'staff'), (tx) => query<{ subdomain: string }>(tx, sql`select subdomain from app.my_companies()`))
    expect(companies.map((c) => c.subdomain).sort()).toEqual(['demo', 'sakura-denki'])
  })

  it('expires after 7 days, and a revoked one cannot be used', async () => {
    const made = await t.tenant(adminA, (tx) => createInvitation(tx, adminA, { email: 'late@example.jp', role: 'viewer' }))
    if (!made.ok) throw new Error('not invited')
    await t.admin(`update invitations set expires_at = now() - interval '1 second' where id = $1`, [made.id])
    expect(await t.system((tx) => acceptInvitation(tx, A.id, { mode: 'new', token: made.token, name: 'x', password: 'kyoto-tower-77' }))).toEqual({ ok: false, reason: 'invalid' })
    const other = await t.tenant(adminA, (tx) => createInvitation(tx, adminA, { email: 'revoked@example.jp', role: 'viewer' }))
    if (!other.ok) throw new Error('not invited')
    expect(await t.tenant(adminA, (tx) => revokeInvitation(tx, other.id))).toBe(true)
    expect(await t.tenant(adminA, (tx) => revokeInvitation(tx, other.id))).toBe(false)
    expect(await t.system((tx) => acceptInvitation(tx, A.id, { mode: 'new', token: other.token, name: 'x', password: 'kyoto-tower-77' }))).toEqual({ ok: false, reason: 'invalid' })
  })
})

describe('the plan user limit', () => {
  it('20 concurrent accepts with one seat left give exactly one member', async () => {
    const [{ n }] = (await t.admin<{ n: number }>(`select count(*)::int as n from memberships where organization_id = $1 and is_active`, [B.id])) as [{ n: number }]
    await t.admin(`update organizations set max_users = $2 where id = $1`, [B.id, n + 1])
    const ownerB = t.as('sakura-denki', 'owner')
    const tokens: string[] = []
    for (let i = 0; i < 20; i++) {
      const made = await t.tenant(ownerB, (tx) => createInvitation(tx, ownerB, { email: `race-${i}@example.jp`, role: 'staff' }))
      if (!made.ok) throw new Error('not invited')
      tokens.push(made.token)
    }
    const results = await Promise.all(
      tokens.map((token, i) => t.system((tx) => acceptInvitation(tx, B.id, { mode: 'new', token, name: `競争 ${i}`, password: 'seat-race-2026' }))),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok && r.reason === 'seats')).toHaveLength(19)
    const [after] = await t.admin<{ n: number }>(`select count(*)::int as n from memberships where organization_id = $1 and is_active`, [B.id])
    expect(after!.n).toBe(n + 1)
    // The database holds the limit for any writer, not only this code path.
    const staffA = A.members.find((m) => m.role === 'staff')!
    expect(await outcome(t.admin(`insert into memberships (organization_id, user_id, role) values ($1, $2, 'viewer')`, [B.id, A.members.find((m) => m.role === 'leader')!.userId]))).toBe('GB001')
    await t.admin(`update organizations set max_users = null where id = $1`, [B.id])
    expect(staffA).toBeDefined()
  })
})

describe('members', () => {
  const leaderA = A.members.find((m) => m.role === 'leader')!
  const ownerUser = A.members.find((m) => m.role === 'owner')!
  const adminUser = A.members.find((m) => m.role === 'admin')!

  it('an admin changes roles up to admin, never to owner, and never touches the owner', async () => {
    expect(await changeRole(adminA, { userId: leaderA.userId, role: 'admin' })).toEqual({ ok: true })
    expect(await changeRole(adminA, { userId: leaderA.userId, role: 'leader' })).toEqual({ ok: true })
    expect(await changeRole(adminA, { userId: ownerUser.userId, role: 'staff' })).toEqual({ ok: false, reason: 'forbidden' })
    expect(await changeRole(t.as('demo', 'leader'), { userId: A.members.find((m) => m.role === 'staff')!.userId, role: 'viewer' })).toEqual({ ok: false, reason: 'forbidden' })
    expect(await changeRole(adminA, { userId: crypto.randomUUID(), role: 'viewer' })).toEqual({ ok: false, reason: 'not_found' })
    // The database refuses the same even when the server check is skipped.
    expect(await outcome(t.tenant(adminA, (tx) => query(tx, sql`update memberships set role = 'owner' where user_id = ${leaderA.userId}`)))).toBe('42501')
    expect(await outcome(t.tenant(adminA, (tx) => query(tx, sql`update memberships set role = 'viewer' where user_id = ${ownerUser.userId}`)))).toBe('42501')
    const audit = await t.admin<{ n: number }>(`select count(*)::int as n from audit_logs where organization_id = $1 and table_name = 'memberships' and action = 'update'`, [A.id])
    expect(audit[0]!.n).toBeGreaterThanOrEqual(2)
  })

  it('deactivates and reactivates; the last owner cannot leave', async () => {
    expect(await setMemberActive(adminA, { userId: leaderA.userId, active: false })).toEqual({ ok: true })
    expect(await setMemberActive(adminA, { userId: leaderA.userId, active: true })).toEqual({ ok: true })
    expect(await setMemberActive(adminA, { userId: ownerUser.userId, active: false })).toEqual({ ok: false, reason: 'forbidden' })
    expect(await setMemberActive(ownerA, { userId: ownerUser.userId, active: false })).toEqual({ ok: false, reason: 'last_owner' })
  })

  it('reactivation takes a seat', async () => {
    await setMemberActive(adminA, { userId: leaderA.userId, active: false })
    const [{ n }] = (await t.admin<{ n: number }>(`select count(*)::int as n from memberships where organization_id = $1 and is_active`, [A.id])) as [{ n: number }]
    await t.admin(`update organizations set max_users = $2 where id = $1`, [A.id, n])
    expect(await setMemberActive(adminA, { userId: leaderA.userId, active: true })).toEqual({ ok: false, reason: 'seats' })
    await t.admin(`update organizations set max_users = 50 where id = $1`, [A.id])
    expect(await setMemberActive(adminA, { userId: leaderA.userId, active: true })).toEqual({ ok: true })
  })

  it('the owner transfers ownership and stays on as admin; only an owner can', async () => {
    expect(await transferOwnership(adminA, { userId: adminUser.userId })).toEqual({ ok: false, reason: 'forbidden' })
    expect(await transferOwnership(ownerA, { userId: adminUser.userId })).toEqual({ ok: true })
    const roles = await t.admin<{ user_id: string; role: string }>(`select user_id, role from memberships where organization_id = $1 and user_id = any($2::uuid[])`, [
      A.id,
      [ownerUser.userId, adminUser.userId],
    ])
    expect(Object.fromEntries(roles.map((r) => [r.user_id, r.role]))).toEqual({ [ownerUser.userId]: 'admin', [adminUser.userId]: 'owner' })
    // And back again, so the other tests find the seeded roles.
    expect(await transferOwnership({ ...adminA, role: 'owner' }, { userId: ownerUser.userId })).toEqual({ ok: true })
  })

  it('company security settings are for managers', async () => {
    expect(await t.tenant(adminA, (tx) => setCompanySecurity(tx, A.id, { requireTwoFactor: true }))).toBe(true)
    expect(await t.tenant(adminA, (tx) => companySecurity(tx, A.id))).toEqual({ requireTwoFactor: true })
    expect(await t.tenant(t.as('demo', 'staff'), (tx) => setCompanySecurity(tx, A.id, { requireTwoFactor: false }))).toBe(false)
    const state = await t.tenant(adminA, (tx) => query<{ enabled: boolean; required: boolean }>(tx, sql`select * from app.two_factor_state()`))
    expect(state[0]).toEqual({ enabled: false, required: true })
    const staffState = await t.tenant(t.as('demo', 'staff'), (tx) => query<{ required: boolean }>(tx, sql`select * from app.two_factor_state()`))
    expect(staffState[0]!.required).toBe(false)
    await t.tenant(adminA, (tx) => setCompanySecurity(tx, A.id, { requireTwoFactor: false }))
  })
})
