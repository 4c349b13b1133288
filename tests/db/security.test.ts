import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { generate } from 'otplib'
import { createLimiter, checkLimit, clearLimit, hitLimit, limitKey } from '@/lib/rate-limit'
import { requestPasswordReset, resetPassword, resetTokenValid, RESET_MINUTES } from '@/lib/auth/password-reset'
import { confirmEnrolment, disableTwoFactor, startEnrolment, twoFactorStatus, verifySecondFactor } from '@/lib/auth/two-factor'
import { completeSecondFactor, confirmTwoFactor, forgotPassword, joinCompany, redeemHandoff, registerCompanyFlow, resetPasswordWithToken, signInWithPassword, switchCompany } from '@/lib/auth/flows'
import { createSession, sessionMember } from '@/lib/auth/sessions'
import { verifyPassword } from '@/lib/auth/password'
import { DEMO_PASSWORD } from '@/lib/auth/seed'
import { tokenHash } from '@/lib/auth/tokens'
import { createInvitation } from '@/lib/accounts/invitations'
import { changePassword, endMySession, listMySessions, myCompanies, twoFactorState, updateProfile } from '@/lib/profile/commands'
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
const tenantA = { id: A.id, name: 'デモ建設株式会社', subdomain: 'demo', plan: 'premium' }
const tenantB = { id: B.id, name: 'さくら電気工事株式会社', subdomain: 'sakura-denki', plan: 'basic' }
let ipCounter = 10
const freshIp = () => `198.51.100.${ipCounter++}`
const member = (sub: string, role: string) => t.company(sub).members.find((m) => m.role === role)!

describe('rate limits in the database (rate-limiter-flexible store over rate_limits)', () => {
  const limiter = createLimiter('signIn', { kind: 'database', run: (fn) => t.anonymous(fn) })

  it('counts failures, stops at five, tells how long to wait, and forgets on success', async () => {
    const key = limitKey('test', crypto.randomUUID())
    for (let i = 0; i < 5; i++) {
      expect(await checkLimit('signIn', key, limiter)).toBeNull()
      await hitLimit('signIn', key, limiter)
    }
    const limited = await checkLimit('signIn', key, limiter)
    expect(limited!.retryAfter).toBeGreaterThan(590)
    expect(limited!.retryAfter).toBeLessThanOrEqual(600)
    expect((await hitLimit('signIn', key, limiter))!.retryAfter).toBeGreaterThan(590)
    await clearLimit('signIn', key, limiter)
    expect(await checkLimit('signIn', key, limiter)).toBeNull()
  })

  it('starts again after the window', async () => {
    const key = limitKey('window', crypto.randomUUID())
    for (let i = 0; i < 6; i++) await hitLimit('signIn', key, limiter)
    expect(await checkLimit('signIn', key, limiter)).not.toBeNull()
    await t.admin(`update rate_limits set expire = now() - interval '1 second' where key = $1`, [`genba:signIn:${key}`])
    expect(await checkLimit('signIn', key, limiter)).toBeNull()
    expect(await hitLimit('signIn', key, limiter)).toBeNull()
    const [row] = await t.admin<{ points: number }>(`select points from rate_limits where key = $1`, [`genba:signIn:${key}`])
    expect(row!.points).toBe(1)
  })

  it('keeps its counters unreadable to members and visitors', async () => {
    expect(await outcome(t.tenant(t.as('demo', 'owner'), (tx) => query(tx, sql`select * from rate_limits`)))).toBe('42501')
    expect(await outcome(t.anonymous((tx) => query(tx, sql`select * from rate_limits`)))).toBe('42501')
  })
})

describe('sign-in flow', () => {
  it('six wrong passwords: five "invalid", then rate limited, even with the right password', async () => {
    const ip = freshIp()
    const email = member('demo', 'viewer').email
    for (let i = 0; i < 5; i++) expect(await signInWithPassword(tenantA, { email, password: 'wrong-' + i }, { ip })).toEqual({ ok: false, reason: 'invalid' })
    const sixth = await signInWithPassword(tenantA, { email, password: DEMO_PASSWORD }, { ip })
    expect(sixth).toMatchObject({ ok: false, reason: 'rate_limited' })
    // Another address is a different counter.
    expect(await signInWithPassword(tenantA, { email, password: DEMO_PASSWORD }, { ip: freshIp() })).toMatchObject({ ok: true })
  })

  it('an account attacked from many addresses is limited after 20 failures', async () => {
    const email = member('sakura-denki', 'viewer').email
    const results = []
    for (let i = 0; i < 21; i++) results.push(await signInWithPassword(tenantB, { email, password: 'spray-' + i }, { ip: freshIp() }))
    expect(results.slice(0, 20).every((r) => !r.ok && r.reason === 'invalid')).toBe(true)
    expect(results[20]).toMatchObject({ ok: false, reason: 'rate_limited' })
  })

  it('asks for a code when two-factor is on, and creates no session before it', async () => {
    const leader = member('sakura-denki', 'leader')
    const enrolment = await t.system((tx) => startEnrolment(tx, { userId: leader.userId, email: leader.email, issuer: 'Genba' }))
    expect(enrolment!.qr).toMatch(/^data:image\/png;base64,/)
    expect(enrolment!.uri).toMatch(/^otpauth:\/\/totp\//)
    expect(await t.system((tx) => confirmEnrolment(tx, { organizationId: B.id, userId: leader.userId, code: '000000' }))).toBeNull()
    const first6 = await generate({ secret: enrolment!.secret })
    const codes = await t.system((tx) => confirmEnrolment(tx, { organizationId: B.id, userId: leader.userId, code: first6 }))
    expect(codes).toHaveLength(10)
    expect(await t.system((tx) => twoFactorStatus(tx, leader.userId))).toEqual({ enabled: true, recoveryCodesLeft: 10 })
    const stored = await t.admin<{ code_hash: Uint8Array }>(`select code_hash from recovery_codes where user_id = $1`, [leader.userId])
    expect(stored.map((r) => Buffer.from(r.code_hash).toString('hex'))).not.toContain(Buffer.from(codes![0]!).toString('hex'))

    const before = await t.admin<{ n: number }>(`select count(*)::int as n from sessions where user_id = $1`, [leader.userId])
    const ip = freshIp()
    const first = await signInWithPassword(tenantB, { email: leader.email, password: DEMO_PASSWORD }, { ip })
    expect(first).toMatchObject({ ok: true, twoFactor: expect.any(String) })
    const after = await t.admin<{ n: number }>(`select count(*)::int as n from sessions where user_id = $1`, [leader.userId])
    expect(after[0]!.n).toBe(before[0]!.n)
    const challenge = (first as { twoFactor: string }).twoFactor

    expect(await completeSecondFactor(tenantB, { challenge, code: '123456' }, { ip })).toEqual({ ok: false, reason: 'invalid' })
    // A code from the app a step ahead (clock drift) works once, then is refused as a replay.
    const code = await generate({ secret: enrolment!.secret, epoch: Math.floor(Date.now() / 1000) + 30 })
    const done = await completeSecondFactor(tenantB, { challenge, code }, { ip })
    expect(done).toMatchObject({ ok: true, session: { token: expect.any(String) } })
    expect(await t.anonymous((tx) => sessionMember(tx, (done as { session: { token: string } }).session.token, B.id))).toMatchObject({ userId: leader.userId })
    expect(await completeSecondFactor(tenantB, { challenge, code }, { ip })).toEqual({ ok: false, reason: 'expired' })
    expect(await t.system((tx) => verifySecondFactor(tx, { userId: leader.userId, code }))).toBeNull()

    // A recovery code works once.
    expect(await t.system((tx) => verifySecondFactor(tx, { userId: leader.userId, code: codes![0]!.toUpperCase() }))).toBe('recovery_code')
    expect(await t.system((tx) => verifySecondFactor(tx, { userId: leader.userId, code: codes![0]! }))).toBeNull()

    // Turning it off needs the password again.
    expect(await t.system((tx) => disableTwoFactor(tx, { organizationId: B.id, userId: leader.userId, password: 'not-the-password' }))).toBe(false)
    expect(await t.system((tx) => disableTwoFactor(tx, { organizationId: B.id, userId: leader.userId, password: DEMO_PASSWORD }))).toBe(true)
    expect(await t.system((tx) => twoFactorStatus(tx, leader.userId))).toEqual({ enabled: false, recoveryCodesLeft: 0 })
    const audit = await t.admin<{ action: string }>(`select action from audit_logs where organization_id = $1 and user_id = $2 order by seq`, [B.id, leader.userId])
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['auth.two_factor_enabled', 'auth.two_factor_failed', 'auth.sign_in', 'auth.two_factor_disabled']))
  })

  it('wrong codes are rate limited too (5 per 10 minutes)', async () => {
    const staff = member('sakura-denki', 'staff')
    const enrolment = await t.system((tx) => startEnrolment(tx, { userId: staff.userId, email: staff.email, issuer: 'Genba' }))
    expect(await confirmTwoFactor({ organizationId: B.id, userId: staff.userId }, '111111')).toEqual({ ok: false, reason: 'invalid' })
    expect(await confirmTwoFactor({ organizationId: B.id, userId: staff.userId }, await generate({ secret: enrolment!.secret }))).toMatchObject({ ok: true })
    const first = await signInWithPassword(tenantB, { email: staff.email, password: DEMO_PASSWORD }, { ip: freshIp() })
    const challenge = (first as { twoFactor: string }).twoFactor
    const reasons = []
    for (let i = 0; i < 5; i++) {
      const r = await completeSecondFactor(tenantB, { challenge, code: '00000' + i }, {})
      reasons.push(r.ok ? 'ok' : r.reason)
    }
    expect(reasons).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'rate_limited'])
    const right = await generate({ secret: enrolment!.secret, epoch: Math.floor(Date.now() / 1000) + 30 })
    expect(await completeSecondFactor(tenantB, { challenge, code: right }, {})).toMatchObject({ ok: false, reason: 'rate_limited' })
  })
})

describe('password reset', () => {
  it('answers only for active members, lives 30 minutes, works once, and ends every session', async () => {
    const staff = member('demo', 'staff')
    expect(await t.system((tx) => requestPasswordReset(tx, { organizationId: A.id, email: 'nobody@example.jp' }))).toBeNull()
    expect(await t.system((tx) => requestPasswordReset(tx, { organizationId: B.id, email: staff.email }))).toBeNull()
    const { token: sessionToken } = await t.system((tx) => createSession(tx, { organizationId: A.id, userId: staff.userId }))
    const reset = await t.system((tx) => requestPasswordReset(tx, { organizationId: A.id, email: staff.email }))
    const other = await t.system((tx) => requestPasswordReset(tx, { organizationId: A.id, email: staff.email }))
    expect(reset!.userId).toBe(staff.userId)
    const [row] = await t.admin<{ minutes: number }>(`select extract(epoch from expires_at - created_at) / 60 as minutes from password_resets where token_hash = $1`, [tokenHash(reset!.token)])
    expect(Math.round(Number(row!.minutes))).toBe(RESET_MINUTES)
    expect(await t.anonymous((tx) => resetTokenValid(tx, A.id, reset!.token))).toBe(true)
    expect(await t.anonymous((tx) => resetTokenValid(tx, B.id, reset!.token))).toBe(false)

    expect(await t.system((tx) => resetPassword(tx, { organizationId: A.id, token: reset!.token, password: 'shin-password-88' }))).toEqual({ userId: staff.userId })
    expect(await t.system((tx) => resetPassword(tx, { organizationId: A.id, token: reset!.token, password: 'again-password-88' }))).toBeNull()
    // The other link died with it, and the old session is over.
    expect(await t.system((tx) => resetPassword(tx, { organizationId: A.id, token: other!.token, password: 'again-password-88' }))).toBeNull()
    expect(await t.anonymous((tx) => sessionMember(tx, sessionToken, A.id))).toBeNull()
    const [cred] = await t.admin<{ password_hash: string }>(`select password_hash from user_credentials where user_id = $1`, [staff.userId])
    expect(await verifyPassword(cred!.password_hash, 'shin-password-88')).toBe(true)
    await t.system((tx) => query(tx, sql`select 1`))
  })

  it('is refused after 30 minutes', async () => {
    const viewer = member('sakura-denki', 'viewer')
    const reset = await t.system((tx) => requestPasswordReset(tx, { organizationId: B.id, email: viewer.email }))
    await t.admin(`update password_resets set expires_at = now() - interval '1 second' where token_hash = $1`, [tokenHash(reset!.token)])
    expect(await t.anonymous((tx) => resetTokenValid(tx, B.id, reset!.token))).toBe(false)
    expect(await resetPasswordWithToken(tenantB, { token: reset!.token, password: 'late-password-1' }, { ip: freshIp() })).toEqual({ ok: false, reason: 'invalid' })
  })

  it('the flow answers the same whether or not the email exists, and limits requests', async () => {
    const ip = freshIp()
    const known = await forgotPassword(tenantB, { email: member('sakura-denki', 'admin').email, locale: 'ja' }, { ip })
    const unknown = await forgotPassword(tenantB, { email: 'ghost@example.jp', locale: 'ja' }, { ip })
    expect(Object.keys(known)).toEqual(Object.keys(unknown))
    expect(known.ok && unknown.ok).toBe(true)
    if (known.ok) expect(await known.send()).toBe('dropped')
    if (unknown.ok) expect(await unknown.send()).toBeUndefined()
    for (let i = 0; i < 4; i++) await forgotPassword(tenantB, { email: 'ghost@example.jp', locale: 'ja' }, { ip })
    expect(await forgotPassword(tenantB, { email: 'ghost@example.jp', locale: 'ja' }, { ip })).toMatchObject({ ok: false, reason: 'rate_limited' })
  })

  it('the reset flow sets the password', async () => {
    const admin = member('sakura-denki', 'admin')
    const reset = await t.system((tx) => requestPasswordReset(tx, { organizationId: B.id, email: admin.email }))
    expect(await resetPasswordWithToken(tenantB, { token: reset!.token, password: 'flow-password-42' }, { ip: freshIp() })).toEqual({ ok: true })
  })
})

describe('handoff, switcher, sign-up and join flows', () => {
  it('signs up, then the handoff gives a session on the new company only', async () => {
    const outcome = await registerCompanyFlow(
      { companyName: '山の上工務店', subdomain: `yama-${crypto.randomUUID().slice(0, 5)}`, randomSuffix: false, ownerName: '山 太郎', email: `yama-${crypto.randomUUID().slice(0, 6)}@example.jp`, password: 'yama-no-ue-2026' },
      { ip: freshIp() },
    )
    if (!outcome.ok) throw new Error(outcome.reason)
    const tenant = { id: outcome.organizationId, name: '山の上工務店', subdomain: outcome.subdomain, plan: 'basic' }
    expect(await redeemHandoff(tenantA, outcome.handoff, {})).toBeNull()
    const session = await redeemHandoff(tenant, outcome.handoff, {})
    expect(await t.anonymous((tx) => sessionMember(tx, session!.token, tenant.id))).toMatchObject({ role: 'owner' })
    expect(await redeemHandoff(tenant, outcome.handoff, {})).toBeNull()
  })

  it('switches only to companies where the person is an active member', async () => {
    const staffA = member('demo', 'staff')
    expect(await switchCompany(staffA.userId, B.id, {})).toBeNull()
    const ownerB = t.as('sakura-denki', 'owner')
    const invite = await t.tenant(ownerB, (tx) => createInvitation(tx, ownerB, { email: member('demo', 'leader').email, role: 'staff' }))
    if (!invite.ok) throw new Error('no invite')
    const joined = await joinCompany(tenantB, { mode: 'existing', token: invite.token, password: DEMO_PASSWORD }, { ip: freshIp() })
    expect(joined).toMatchObject({ ok: true, role: 'staff', session: { token: expect.any(String) } })
    const leaderCtx = t.as('demo', 'leader')
    expect((await t.tenant(leaderCtx, (tx) => myCompanies(tx))).map((c) => c.subdomain).sort()).toEqual(['demo', 'sakura-denki'])
    const target = await switchCompany(leaderCtx.userId, B.id, {})
    expect(target!.subdomain).toBe('sakura-denki')
    expect(await redeemHandoff(tenantB, target!.token, {})).not.toBeNull()
  })

  it('limits invitation accepts per address', async () => {
    const ip = freshIp()
    const results = []
    for (let i = 0; i < 11; i++) results.push(await joinCompany(tenantA, { mode: 'new', token: 'x'.repeat(43), name: 'x', password: 'whatever-12345' }, { ip }))
    expect(results.slice(0, 10).every((r) => !r.ok && r.reason === 'invalid')).toBe(true)
    expect(results[10]).toMatchObject({ ok: false, reason: 'rate_limited' })
  })
})

describe('own account', () => {
  beforeEach(() => undefined)

  it('changes name and language, and the password (ending other sessions, keeping this one)', async () => {
    const adminA = member('demo', 'admin')
    const ctx = t.as('demo', 'admin')
    await t.tenant(ctx, (tx) => updateProfile(tx, adminA.userId, { name: '佐藤 花子（本社）', locale: 'en' }))
    const [u] = await t.admin<{ name: string; locale: string }>(`select name, locale from users where id = $1`, [adminA.userId])
    expect(u).toEqual({ name: '佐藤 花子（本社）', locale: 'en' })
    const here = await t.system((tx) => createSession(tx, { organizationId: A.id, userId: adminA.userId }))
    const there = await t.system((tx) => createSession(tx, { organizationId: A.id, userId: adminA.userId }))
    const hereId = (await t.anonymous((tx) => sessionMember(tx, here.token, A.id)))!.sessionId
    const input = { organizationId: A.id, userId: adminA.userId, sessionId: hereId, newPassword: 'brand-new-pass-1' }
    expect(await t.system((tx) => changePassword(tx, { ...input, currentPassword: 'nope-nope-nope' }))).toBe(false)
    expect(await t.system((tx) => changePassword(tx, { ...input, currentPassword: DEMO_PASSWORD }))).toBe(true)
    expect(await t.anonymous((tx) => sessionMember(tx, here.token, A.id))).not.toBeNull()
    expect(await t.anonymous((tx) => sessionMember(tx, there.token, A.id))).toBeNull()
  })

  it('lists and ends only one’s own sessions in this company', async () => {
    const viewer = member('demo', 'viewer')
    const ctx = t.as('demo', 'viewer')
    const mine = await t.system((tx) => createSession(tx, { organizationId: A.id, userId: viewer.userId, userAgent: 'iPhone', ip: '203.0.113.5' }))
    const id = (await t.anonymous((tx) => sessionMember(tx, mine.token, A.id)))!.sessionId
    const list = await t.tenant(ctx, (tx) => listMySessions(tx))
    expect(list.find((s) => s.id === id)).toMatchObject({ userAgent: 'iPhone', ipAddress: '203.0.113.5' })
    const someoneElse = await t.system((tx) => createSession(tx, { organizationId: A.id, userId: member('demo', 'owner').userId }))
    const otherId = (await t.anonymous((tx) => sessionMember(tx, someoneElse.token, A.id)))!.sessionId
    expect(list.map((s) => s.id)).not.toContain(otherId)
    expect(await t.tenant(ctx, (tx) => endMySession(tx, otherId))).toBe(false)
    expect(await t.tenant(ctx, (tx) => endMySession(tx, id))).toBe(true)
    expect(await t.anonymous((tx) => sessionMember(tx, mine.token, A.id))).toBeNull()
    expect(await t.tenant(ctx, (tx) => twoFactorState(tx))).toEqual({ enabled: false, required: false })
  })
})
