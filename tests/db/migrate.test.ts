import { afterAll, describe, expect, it } from 'vitest'
import { compareMigrations, migrate, migrationStatus, MigrationChangedError, readMigrations } from '@/lib/db/migrate'
import { openTestDb } from '../support/db'

const t = await openTestDb()
afterAll(() => t.close())

describe('migrator', () => {
  it('has applied every file on disk, in order, exactly once', async () => {
    const files = readMigrations()
    const applied = await t.admin<{ name: string }>(`select name from schema_migrations order by applied_at, name`)
    expect(applied.map((r) => r.name)).toEqual(files.map((f) => f.name))
    expect(await migrationStatus(t.db.admin!)).toEqual({ applied: files.map((f) => f.name), pending: [], changed: [] })
  })

  it('does nothing when run again, also from two callers at once', async () => {
    expect(await Promise.all([migrate(t.db.admin!), migrate(t.db.admin!)])).toEqual([[], []])
  })

  it('applies a new file in its own transaction and records it', async () => {
    const files = [...readMigrations(), { name: '99990101000000_probe.sql', sql: 'create table probe_table (x int);', checksum: 'probe' }]
    expect(await migrate(t.db.admin!, files)).toEqual(['99990101000000_probe.sql'])
    const [r] = await t.admin<{ ok: boolean }>(`select to_regclass('public.probe_table') is not null as ok`)
    expect(r!.ok).toBe(true)
  })

  it('rolls back a failing file entirely and does not record it', async () => {
    const files = [...readMigrations(), { name: '99990102000000_bad.sql', sql: 'create table half_done (x int); select no_such_function();', checksum: 'bad' }]
    await expect(migrate(t.db.admin!, files)).rejects.toThrow(/99990102000000_bad.sql/)
    const [r] = await t.admin<{ ok: boolean }>(`select to_regclass('public.half_done') is not null as ok`)
    expect(r!.ok).toBe(false)
    expect((await t.admin(`select 1 from schema_migrations where name = '99990102000000_bad.sql'`)).length).toBe(0)
  })

  it('refuses to start when an applied file has changed', async () => {
    const files = readMigrations().map((f, i) => (i === 1 ? { ...f, checksum: 'tampered' } : f))
    await expect(migrate(t.db.admin!, files)).rejects.toBeInstanceOf(MigrationChangedError)
    await expect(migrate(t.db.admin!, files)).rejects.toThrow(files[1]!.name)
  })

  it('reports pending and changed files', () => {
    const files = [
      { name: 'a.sql', sql: '', checksum: '1' },
      { name: 'b.sql', sql: '', checksum: '2' },
      { name: 'c.sql', sql: '', checksum: '3' },
    ]
    expect(compareMigrations(files, [{ name: 'a.sql', checksum: '1' }, { name: 'b.sql', checksum: 'x' }])).toEqual({
      applied: ['a.sql'],
      pending: ['c.sql'],
      changed: ['b.sql'],
    })
  })
})
