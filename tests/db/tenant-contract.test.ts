import { afterAll, describe, expect, it } from 'vitest'
import { runAsSystem, runAsTenant } from '@/lib/db/context'
import { openTestDb, outcome, query, sql } from '../support/db'

const t = await openTestDb()
afterAll(() => t.close())

const A = t.company('demo')
const B = t.company('sakura-denki')

describe('withTenant', () => {
  it('runs as authenticated with the claims of the contract', async () => {
    const ctx = t.as('demo', 'leader')
    const [r] = await t.tenant(ctx, (tx) =>
      query<{ who: string; uid: string; org: string; role: string; claims: Record<string, string> }>(
        tx,
        sql`select current_user as who, app.user_id() as uid, app.org_id() as org, app.org_role() as role,
                   current_setting('request.jwt.claims')::jsonb as claims`,
      ),
    )
    expect(r).toEqual({ who: 'authenticated', uid: ctx.userId, org: A.id, role: 'leader', claims: { sub: ctx.userId, org_id: A.id, org_role: 'leader' } })
  })

  it('also honours claims set by hand exactly as DESIGN.md spells them (set local role + set_config)', async () => {
    const ctx = t.as('demo', 'staff')
    const claims = JSON.stringify({ sub: ctx.userId, org_id: A.id, org_role: 'staff' })
    const ids = await t.db.orm.transaction(async (tx) => {
      await tx.execute(sql`set local role authenticated`)
      await tx.execute(sql`select set_config('request.jwt.claims', ${claims}, true)`)
      return query<{ organization_id: string }>(tx, sql`select distinct organization_id from memberships`)
    })
    expect(ids).toEqual([{ organization_id: A.id }])
  })

  it('takes the role from the membership, not from the claim', async () => {
    const viewer = t.as('demo', 'viewer')
    const [r] = await t.tenant({ ...viewer, role: 'owner' }, (tx) =>
      query<{ role: string; owner: boolean }>(tx, sql`select app.org_role() as role, app.has_role('owner', 'admin') as owner`),
    )
    expect(r).toEqual({ role: 'viewer', owner: false })
    const result = await outcome(
      t.tenant({ ...viewer, role: 'owner' }, (tx) => query(tx, sql`update memberships set role = 'owner' where user_id = ${viewer.userId} returning 1`)),
    )
    expect(result).toBe('ok')
    const [still] = await t.admin<{ role: string }>(`select role from memberships where user_id = $1`, [viewer.userId])
    expect(still!.role).toBe('viewer')
  })

  it('sees nothing once the membership is deactivated', async () => {
    const staff = t.as('sakura-denki', 'staff')
    await t.admin(`update memberships set is_active = false where user_id = $1`, [staff.userId])
    const [r] = await t.tenant(staff, (tx) => query<{ org: string | null; n: number }>(tx, sql`select app.org_id() as org, (select count(*)::int from memberships) as n`))
    expect(r).toEqual({ org: null, n: 0 })
    await t.admin(`update memberships set is_active = true where user_id = $1`, [staff.userId])
  })

  it('sees nothing while the company is suspended', async () => {
    await t.admin(`update organizations set suspended_at = now() where id = $1`, [B.id])
    const [r] = await t.tenant(t.as('sakura-denki', 'owner'), (tx) => query<{ n: number }>(tx, sql`select count(*)::int as n from memberships`))
    expect(r!.n).toBe(0)
    await t.admin(`update organizations set suspended_at = null where id = $1`, [B.id])
  })

  it('lets a viewer read but not manage members', async () => {
    const viewer = t.as('demo', 'viewer')
    const seen = await t.tenant(viewer, (tx) => query(tx, sql`select id from memberships`))
    expect(seen.length).toBe(A.members.length)
    const changed = await t.tenant(viewer, (tx) => query(tx, sql`update memberships set role = 'staff' where organization_id = ${A.id} returning 1`))
    expect(changed.length).toBe(0)
  })

  it('rolls back everything when the work throws', async () => {
    const owner = t.as('demo', 'owner')
    await expect(
      t.tenant(owner, async (tx) => {
        await tx.execute(sql`update organizations set name = 'changed' where id = ${A.id}`)
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    const [r] = await t.admin<{ name: string }>(`select name from organizations where id = $1`, [A.id])
    expect(r!.name).toBe('デモ建設株式会社')
  })
})

describe('the production connection role', () => {
  it('cannot read tenant rows outside withTenant', async () => {
    if (t.kind === 'postgres') {
      // The real app role from DATABASE_URL_TEST: NOINHERIT, owns nothing, no BYPASSRLS.
      const [attrs] = await t.db.raw.query<{ super: boolean; bypass: boolean; inherit: boolean; owns: number }>(
        `select rolsuper as super, rolbypassrls as bypass, rolinherit as inherit,
                (select count(*)::int from pg_class where relowner = r.oid) as owns
         from pg_roles r where rolname = current_user`,
      )
      expect(attrs).toEqual({ super: false, bypass: false, inherit: false, owns: 0 })
      for (const table of ['memberships', 'audit_logs', 'organizations', 'users', 'idempotency_keys']) {
        expect(await outcome(t.db.raw.query(`select * from ${table}`)), table).toBe('42501')
      }
    } else {
      // PGlite connects as a superuser; a role built like the production one shows the same refusal.
      await t.admin(`do $$ begin if not exists (select 1 from pg_roles where rolname = 'genba_app_probe') then
        create role genba_app_probe nologin noinherit; grant authenticated, genba_system to genba_app_probe; end if; end $$`)
      for (const table of ['memberships', 'audit_logs', 'organizations', 'users', 'idempotency_keys']) {
        const result = await outcome(
          t.db.orm.transaction(async (tx) => {
            await tx.execute(sql`set local role genba_app_probe`)
            await query(tx, sql`select * from ${sql.identifier(table)}`)
          }),
        )
        expect(result, table).toBe('42501')
      }
    }
  })
})

describe('withSystem', () => {
  it('bypasses RLS and writes an audit row with its reason in the same transaction', async () => {
    const n = await runAsSystem(t.db.orm, 'count all companies for a test', async (tx) => (await query(tx, sql`select id from organizations`)).length, {
      organizationId: A.id,
    })
    expect(n).toBe(3)
    const [row] = await t.admin<{ action: string; reason: string }>(
      `select action, reason from audit_logs where organization_id = $1 order by seq desc limit 1`,
      [A.id],
    )
    expect(row).toEqual({ action: 'system', reason: 'count all companies for a test' })
  })

  it('refuses to run without a reason', () => {
    expect(() => runAsSystem(t.db.orm, '  ', async () => 1)).toThrow(/reason/)
  })

  it('leaves no audit row when its work fails', async () => {
    const before = await t.admin<{ n: number }>(`select count(*)::int as n from audit_logs where reason = 'doomed'`)
    await expect(runAsSystem(t.db.orm, 'doomed', async () => Promise.reject(new Error('x')))).rejects.toThrow('x')
    const after = await t.admin<{ n: number }>(`select count(*)::int as n from audit_logs where reason = 'doomed'`)
    expect(after[0]!.n).toBe(before[0]!.n)
  })
})

describe('audit trail', () => {
  it('records a member’s update with only the changed columns, who did it and the request', async () => {
    const admin = { ...t.as('demo', 'admin'), request: { ip: '203.0.113.7', userAgent: 'test-agent', requestId: 'req-123' } }
    const staff = A.members.find((m) => m.role === 'staff')!
    await runAsTenant(t.db.orm, admin, (tx) => tx.execute(sql`update memberships set role = 'leader' where user_id = ${staff.userId}`))
    const [row] = await t.admin<Record<string, unknown>>(
      `select action, table_name, user_id, old_value, new_value, host(ip_address) as ip, user_agent, request_id
       from audit_logs where organization_id = $1 and table_name = 'memberships' order by seq desc limit 1`,
      [A.id],
    )
    expect(row).toEqual({
      action: 'update',
      table_name: 'memberships',
      user_id: admin.userId,
      old_value: { role: 'staff' },
      new_value: { role: 'leader' },
      ip: '203.0.113.7',
      user_agent: 'test-agent',
      request_id: 'req-123',
    })
    await t.admin(`update memberships set role = 'staff' where user_id = $1`, [staff.userId])
  })

  it('is append-only, even for the privileged role', async () => {
    for (const statement of ['update audit_logs set reason = $1', 'delete from audit_logs where reason = $1', 'truncate audit_logs']) {
      const result = await outcome(
        runAsSystem(t.db.orm, 'try to rewrite history', (tx) => tx.execute(sql.raw(statement.replace('$1', `'x'`)))),
      )
      expect(result, statement).toBe('42501')
    }
    const tenantTry = await outcome(t.tenant(t.as('demo', 'owner'), (tx) => tx.execute(sql`delete from audit_logs`)))
    expect(tenantTry).toBe('42501')
  })

  it('chains each company’s rows by hash, and a tampered row breaks the chain', async () => {
    const [ok] = await t.admin<{ broken: string | null }>(`select app.verify_audit_chain($1) as broken`, [A.id])
    expect(ok!.broken).toBeNull()
    const [seq] = await t.admin<{ n: string }>(`select max(seq)::text as n from audit_logs where organization_id = $1`, [A.id])
    expect(Number(seq!.n)).toBeGreaterThan(3)
    // A superuser bypassing the guard trigger is the only way to edit a row, and the chain notices.
    await t.admin(`alter table audit_logs disable trigger audit_logs_no_update`)
    await t.admin(`update audit_logs set reason = 'forged' where organization_id = $1 and seq = 2`, [A.id])
    await t.admin(`alter table audit_logs enable trigger audit_logs_no_update`)
    const [broken] = await t.admin<{ broken: string | null }>(`select app.verify_audit_chain($1)::text as broken`, [A.id])
    expect(broken!.broken).toBe('2')
    const [other] = await t.admin<{ broken: string | null }>(`select app.verify_audit_chain($1) as broken`, [B.id])
    expect(other!.broken).toBeNull()
  })

  it('numbers concurrent writers of one company without gaps or duplicates', async () => {
    const ctx = t.as('sakura-denki', 'owner')
    await Promise.all(
      Array.from({ length: 10 }, () => runAsTenant(t.db.orm, ctx, (tx) => tx.execute(sql`select app.log_event('test.ping', 'none', null, null)`))),
    )
    const [r] = await t.admin<{ n: number; distinct_seq: number; max: number }>(
      `select count(*)::int as n, count(distinct seq)::int as distinct_seq, max(seq)::int as max from audit_logs where organization_id = $1`,
      [B.id],
    )
    expect(r!.distinct_seq).toBe(r!.n)
    expect(r!.max).toBe(r!.n)
    const [chain] = await t.admin<{ broken: string | null }>(`select app.verify_audit_chain($1) as broken`, [B.id])
    expect(chain!.broken).toBeNull()
  })
})
