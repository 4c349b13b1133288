import { afterAll, describe, expect, it } from 'vitest'
import { openTestDb } from '../support/db'

// Structural rules every table must keep, read from the catalogue so new tables are held to them too.
const t = await openTestDb()
afterAll(() => t.close())

const tenantTables = (
  await t.admin<{ name: string }>(`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'organization_id' and not a.attisdropped
    where n.nspname = 'public' and c.relkind in ('r', 'p')`)
).map((r) => r.name)

describe('row level security', () => {
  it('is enabled and forced on every table in public (tenant and global alike)', async () => {
    const loose = await t.admin<{ relname: string }>(`
      select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> 'schema_migrations'
        and not (c.relrowsecurity and c.relforcerowsecurity)`)
    expect(loose).toEqual([])
  })

  it.each(['select', 'insert', 'update', 'delete'])('every tenant table has a %s policy, or authenticated lacks the right', async (cmd) => {
    const code = { select: 'r', insert: 'a', update: 'w', delete: 'd' }[cmd]
    const uncovered = await t.admin<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relname = any($1::text[])
         and has_table_privilege('authenticated', c.oid, $2)
         and not exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polcmd in ($3, '*')
           and (p.polroles = '{0}' or 'authenticated'::regrole = any (p.polroles)))`,
      [tenantTables, cmd.toUpperCase(), code],
    )
    expect(uncovered).toEqual([])
    expect(tenantTables.length).toBeGreaterThanOrEqual(3)
  })
})

describe('keys carry the company', () => {
  it('every unique index on a tenant table includes organization_id', async () => {
    const bad = await t.admin<{ index: string }>(
      `select i.indexrelid::regclass::text as index from pg_index i
       join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attname = 'organization_id'
       where n.nspname = 'public' and c.relname = any($1::text[]) and i.indisunique and not (a.attnum = any (i.indkey))`,
      [tenantTables],
    )
    expect(bad).toEqual([])
  })

  it('every foreign key between tenant tables includes organization_id on both sides', async () => {
    const bad = await t.admin<{ name: string }>(
      `select con.conname as name from pg_constraint con
       join pg_class src on src.oid = con.conrelid join pg_class dst on dst.oid = con.confrelid
       join pg_attribute sa on sa.attrelid = src.oid and sa.attname = 'organization_id'
       join pg_attribute da on da.attrelid = dst.oid and da.attname = 'organization_id'
       where con.contype = 'f' and src.relname = any($1::text[])
         and not (sa.attnum = any (con.conkey) and da.attnum = any (con.confkey))`,
      [tenantTables],
    )
    expect(bad).toEqual([])
  })
})

describe('views and functions', () => {
  it('views in public and app are security_invoker', async () => {
    const bad = await t.admin<{ relname: string }>(`
      select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in ('public', 'app') and c.relkind = 'v'
        and not coalesce(c.reloptions @> array['security_invoker=true'], false)`)
    expect(bad).toEqual([])
  })

  it('no security definer function callable by anon or authenticated lacks a pinned search_path', async () => {
    const bad = await t.admin<{ fn: string }>(`
      select p.oid::regprocedure::text as fn from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname not in ('pg_catalog', 'information_schema') and p.prosecdef
        and (has_function_privilege('anon', p.oid, 'execute') or has_function_privilege('authenticated', p.oid, 'execute'))
        and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search_path=%')`)
    expect(bad).toEqual([])
  })

  it('anon can execute none of our security definer functions', async () => {
    const bad = await t.admin<{ fn: string }>(`
      select p.oid::regprocedure::text as fn from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname in ('public', 'app') and p.prosecdef and has_function_privilege('anon', p.oid, 'execute')`)
    expect(bad).toEqual([])
  })

  it('the cross-tenant helpers live in app, which anon cannot use', async () => {
    const [r] = await t.admin<{ usage: boolean }>(`select has_schema_privilege('anon', 'app', 'usage') as usage`)
    expect(r!.usage).toBe(false)
  })
})
