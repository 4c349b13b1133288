import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { getDb, setDb, withAnonymous, withSystem, withTenant } from '@/lib/db'
import { openPglite } from '@/lib/db/client'
import { appliedMigrations } from '@/lib/db/sql'
import { readMigrations } from '@/lib/db/migrate'
import { copyDb, databaseUrl } from '../support/db-urls'
import { query, sql } from '../support/db'

// How the app opens its own database on first use (lib/db/index.ts), for the kind under test.
const template = inject('dbTemplate')
const saved = { ...process.env }

afterEach(async () => {
  const db = await getDb().catch(() => undefined)
  setDb(undefined)
  await db?.close()
  process.env = { ...saved }
})

if (template.kind === 'pglite') {
  describe('embedded database', () => {
    it('is migrated and seeded with the demo on first use, and not seeded twice', async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'genba-open-'))
      process.env.DATA_DIR = dir
      delete process.env.DATABASE_URL
      const db = await getDb()
      expect(db.kind).toBe('pglite')
      expect(await getDb()).toBe(db)
      const subs = await withSystem('test: list companies', (tx) => query<{ subdomain: string }>(tx, sql`select subdomain from organizations order by 1`))
      expect(subs.map((r) => r.subdomain)).toEqual(['demo', 'genba-ops', 'sakura-denki'])
      const demo = template.companies.find((c) => c.subdomain === 'demo')!
      expect(await withAnonymous(appliedMigrations)).toHaveLength(readMigrations().length)
      await db.close()
      setDb(undefined)

      const again = await getDb()
      const [n] = await withSystem('test: count companies', (tx) => query<{ n: number }>(tx, sql`select count(*)::int as n from organizations`))
      expect(n!.n).toBe(3)
      // withTenant on the app's own database: a fresh id from this seed, not the template's.
      const [owner] = await again.admin!.query<{ user_id: string; organization_id: string }>(
        `select m.user_id, m.organization_id from memberships m join organizations o on o.id = m.organization_id where o.subdomain = 'demo' and m.role = 'owner'`,
      )
      const seen = await withTenant({ userId: owner!.user_id, organizationId: owner!.organization_id, role: 'owner' }, (tx) =>
        query<{ name: string }>(tx, sql`select name from organizations`),
      )
      expect(seen).toEqual([{ name: 'デモ建設株式会社' }])
      expect(demo.subdomain).toBe('demo')
    })

    it('refuses a data directory another live process holds', async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'genba-lock-'))
      const dataDir = path.join(dir, 'pglite')
      writeFileSync(dataDir + '.lock', String(process.ppid))
      await expect(openPglite({ dataDir })).rejects.toThrow(`already open in process ${process.ppid}`)
    })

    it('takes over a lock left by a process that is gone', async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'genba-stale-'))
      const dataDir = path.join(dir, 'pglite')
      writeFileSync(dataDir + '.lock', '999999999')
      const db = await openPglite({ dataDir })
      expect((await db.raw.query<{ one: number }>('select 1 as one'))[0]!.one).toBe(1)
      await db.close()
    })
  })
} else {
  const pg = template as Extract<typeof template, { kind: 'postgres' }>
  describe('Postgres database', () => {
    async function freshDatabase() {
      const name = copyDb(pg.run, `open_${Date.now()}`)
      const server = postgres(pg.adminUrl, { max: 1, onnotice: () => {} })
      await server.unsafe(`create database ${name}`)
      await server.end()
      return name
    }

    it('migrates at start-up through DATABASE_ADMIN_URL and then serves as the app role', async () => {
      const name = await freshDatabase()
      process.env.DATABASE_URL = databaseUrl(pg.appUrl, name)
      process.env.DATABASE_ADMIN_URL = databaseUrl(pg.adminUrl, name)
      const db = await getDb()
      expect(db.kind).toBe('postgres')
      expect(await withAnonymous(appliedMigrations)).toHaveLength(readMigrations().length)
      const [who] = await withSystem('test: who am I', (tx) => query<{ who: string }>(tx, sql`select current_user as who`))
      expect(who!.who).toBe('genba_system')
      // No demo seed on Postgres unless asked (npm run db:seed).
      const [n] = await withSystem('test: count', (tx) => query<{ n: number }>(tx, sql`select count(*)::int as n from organizations`))
      expect(n!.n).toBe(0)
    })

    it('without an admin URL, starts on an up-to-date database and refuses a changed migration', async () => {
      const name = await freshDatabase()
      process.env.DATABASE_URL = databaseUrl(pg.appUrl, name)
      process.env.DATABASE_ADMIN_URL = databaseUrl(pg.adminUrl, name)
      await (await getDb()).close()
      setDb(undefined)
      delete process.env.DATABASE_ADMIN_URL
      expect((await getDb()).admin).toBeNull()
      const db = await getDb()
      await db.close()
      setDb(undefined)
      const admin = postgres(databaseUrl(pg.adminUrl, name), { max: 1, onnotice: () => {} })
      await admin.unsafe(`update schema_migrations set checksum = 'changed' where name = (select min(name) from schema_migrations)`)
      await admin.end()
      await expect(getDb()).rejects.toThrow(/was changed after it was applied/)
    })
  })
}
