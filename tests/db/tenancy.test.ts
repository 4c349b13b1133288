import { afterAll, describe, expect, it } from 'vitest'
import { setDb } from '@/lib/db'
import { checkHealth } from '@/lib/health'
import { tenantBySubdomain } from '@/lib/tenancy/queries'
import { openTestDb, outcome } from '../support/db'

const t = await openTestDb()
afterAll(async () => {
  setDb(undefined)
  await t.close()
})

describe('tenantBySubdomain', () => {
  it('finds a live company before anyone signs in', async () => {
    const found = await t.anonymous((tx) => tenantBySubdomain(tx, 'demo'))
    expect(found).toMatchObject({ id: t.company('demo').id, name: 'デモ建設株式会社', subdomain: 'demo' })
  })

  it('gives the same null for unknown, suspended, deleted and operator organisations', async () => {
    expect(await t.anonymous((tx) => tenantBySubdomain(tx, 'no-such-company'))).toBeNull()
    expect(await t.anonymous((tx) => tenantBySubdomain(tx, 'genba-ops'))).toBeNull()
    const id = t.company('sakura-denki').id
    await t.admin(`update organizations set suspended_at = now() where id = $1`, [id])
    expect(await t.anonymous((tx) => tenantBySubdomain(tx, 'sakura-denki'))).toBeNull()
    await t.admin(`update organizations set suspended_at = null, deleted_at = now() where id = $1`, [id])
    expect(await t.anonymous((tx) => tenantBySubdomain(tx, 'sakura-denki'))).toBeNull()
    await t.admin(`update organizations set deleted_at = null where id = $1`, [id])
    expect(await t.anonymous((tx) => tenantBySubdomain(tx, 'sakura-denki'))).not.toBeNull()
  })

  it('is matched case-insensitively', async () => {
    expect(await t.anonymous((tx) => tenantBySubdomain(tx, 'DEMO'))).not.toBeNull()
  })
})

describe('organisation constraints', () => {
  it('refuses reserved and malformed subdomains in the database itself', async () => {
    for (const sub of ['admin', 'www', 'api', 'Bad', 'a--b', '-ab', 'ab']) {
      expect(await outcome(t.admin(`insert into organizations (name, subdomain) values ('x', $1)`, [sub])), sub).toBe('23514')
    }
    expect(await outcome(t.admin(`insert into organizations (name, subdomain) values ('x', 'demo')`))).toBe('23505')
  })

  it('keeps emails unique whatever their case', async () => {
    expect(await outcome(t.admin(`insert into users (email, name) values ('OWNER@demo.genba.test', 'x')`))).toBe('23505')
  })
})

describe('seed', () => {
  it('gives each tenant company a member of every role', async () => {
    for (const sub of ['demo', 'sakura-denki']) {
      const roles = await t.admin<{ role: string }>(
        `select m.role from memberships m join organizations o on o.id = m.organization_id where o.subdomain = $1 order by 1`,
        [sub],
      )
      expect(roles.map((r) => r.role)).toEqual(['admin', 'leader', 'owner', 'staff', 'viewer'])
    }
    const [op] = await t.admin<{ kind: string }>(`select kind from organizations where subdomain = 'genba-ops'`)
    expect(op!.kind).toBe('operator')
  })
})

describe('health', () => {
  it('reports a reachable database with current migrations', async () => {
    setDb(t.db)
    expect(await checkHealth()).toEqual({
      status: 'ok',
      database: { reachable: true, kind: t.kind },
      migrations: { current: true, pending: [], changed: [] },
    })
  })

  it('reports a migration that has not been applied', async () => {
    setDb(t.db)
    await t.admin(`delete from schema_migrations where name = (select max(name) from schema_migrations)`)
    const report = await checkHealth()
    expect(report.status).toBe('degraded')
    expect(report.migrations?.pending.length).toBe(1)
  })
})
