import { afterAll, describe, expect, it } from 'vitest'
import type { Tx } from '@/lib/db/types'
import { openTestDb, outcome, query, sql } from '../support/db'

/*
 * The isolation battery: every table with an organization_id column, found in the catalogue (so tables
 * added later are covered without being listed), attacked by a member of company A against company B.
 */

const t = await openTestDb()
afterAll(async () => {
  console.log(`[isolation ${t.kind}] ${assertions} assertions over ${tables.length} tables: ${tables.map((x) => x.name).join(', ')}`)
  await t.close()
})

let assertions = 0
const check = <T>(actual: T, message?: string) => {
  assertions++
  return expect(actual, message)
}

interface TableInfo {
  name: string
  pk: string[]
  columns: string[]
}

const tables: TableInfo[] = []
for (const { name } of await t.admin<{ name: string }>(`
  select c.relname as name from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  join pg_attribute a on a.attrelid = c.oid and a.attname = 'organization_id' and not a.attisdropped
  where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`)) {
  const pk = await t.admin<{ col: string }>(
    `select a.attname as col from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
     where i.indrelid = $1::regclass and i.indisprimary order by array_position(i.indkey, a.attnum)`,
    [`public.${name}`],
  )
  const columns = await t.admin<{ col: string }>(
    `select attname as col from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped`,
    [`public.${name}`],
  )
  tables.push({ name, pk: pk.map((r) => r.col), columns: columns.map((r) => r.col) })
}

const A = t.company('demo')
const B = t.company('sakura-denki')
const owner = t.as('demo', 'owner')

type Row = Record<string, unknown>

async function firstRow(table: TableInfo, orgId: string): Promise<Row | undefined> {
  const order = table.pk.map((c) => `"${c}"`).join(', ')
  const found = await t.admin<{ j: Row }>(`select to_jsonb(x) as j from public."${table.name}" x where organization_id = $1 order by ${order} limit 1`, [orgId])
  return found[0]?.j
}

async function adminRow(table: TableInfo, row: Row): Promise<Row | undefined> {
  const where = table.pk.map((c, i) => `"${c}"::text = $${i + 1}`).join(' and ')
  const found = await t.admin<{ j: Row }>(`select to_jsonb(x) as j from public."${table.name}" x where ${where}`, table.pk.map((c) => String(row[c])))
  return found[0]?.j
}

const ident = (name: string) => sql.identifier(name)
const pkWhere = (table: TableInfo, row: Row) =>
  sql.join(
    table.pk.map((c) => sql`${ident(c)}::text = ${String(row[c])}`),
    sql` and `,
  )

const asAnon = <T>(fn: (tx: Tx) => Promise<T>) =>
  t.db.orm.transaction(async (tx) => {
    await tx.execute(sql`set local role anon`)
    return fn(tx)
  })

it('finds the core tenant tables in the catalogue', () => {
  check(tables.map((x) => x.name)).toEqual(expect.arrayContaining(['audit_logs', 'idempotency_keys', 'memberships']))
})

describe.each(tables)('$name', (table) => {
  const rows: { a?: Row; b?: Row } = {}

  it('has seeded rows in both companies (so every attack below has a target)', async () => {
    rows.a = await firstRow(table, A.id)
    rows.b = await firstRow(table, B.id)
    check(rows.a, `${table.name} has no row for company A: extend the seed`).toBeDefined()
    check(rows.b, `${table.name} has no row for company B: extend the seed`).toBeDefined()
  })

  // Tables members may never read at all (sessions, credentials) answer 42501, which isolates just as well.
  it("selecting B's row by its key as A gives 0 rows", async () => {
    const result = await outcome(
      t.tenant(owner, async (tx) => {
        const found = await query(tx, sql`select 1 from ${ident(table.name)} where ${pkWhere(table, rows.b!)}`)
        if (found.length) throw new Error(`saw ${found.length} rows of B`)
      }),
    )
    check(['ok', '42501']).toContain(result)
  })

  it("counting as A sees only A's rows", async () => {
    for (const role of ['owner', 'admin', 'leader', 'staff', 'viewer'] as const) {
      const result = await outcome(
        t.tenant(t.as('demo', role), async (tx) => {
          const [r] = await query<{ others: number }>(tx, sql`select count(*) filter (where organization_id <> ${A.id})::int as others from ${ident(table.name)}`)
          if (r!.others) throw new Error(`saw ${r!.others} rows of other companies`)
        }),
      )
      check(['ok', '42501'], role).toContain(result)
    }
  })

  it("inserting a row with B's organization_id as A is refused with 42501", async () => {
    const copy = { ...rows.b! }
    if ('id' in copy) copy.id = crypto.randomUUID()
    const result = await outcome(
      t.tenant(owner, (tx) => query(tx, sql`insert into ${ident(table.name)} select * from jsonb_populate_record(null::${ident(table.name)}, ${JSON.stringify(copy)}::jsonb)`)),
    )
    check(result).toBe('42501')
  })

  it("updating B's row as A changes nothing", async () => {
    const before = await adminRow(table, rows.b!)
    const result = await outcome(
      t.tenant(owner, async (tx) => {
        const changed = await query(tx, sql`update ${ident(table.name)} set organization_id = organization_id where ${pkWhere(table, rows.b!)} returning 1`)
        if (changed.length !== 0) throw new Error(`updated ${changed.length} rows of B`)
      }),
    )
    check(['ok', '42501']).toContain(result)
    check(await adminRow(table, rows.b!)).toEqual(before)
  })

  it("deleting B's row as A changes nothing", async () => {
    const result = await outcome(
      t.tenant(owner, async (tx) => {
        const gone = await query(tx, sql`delete from ${ident(table.name)} where ${pkWhere(table, rows.b!)} returning 1`)
        if (gone.length !== 0) throw new Error(`deleted ${gone.length} rows of B`)
      }),
    )
    check(['ok', '42501']).toContain(result)
    check(await adminRow(table, rows.b!)).toBeDefined()
  })

  it("moving A's own row to B is refused with 42501, whoever in A tries", async () => {
    const before = await adminRow(table, rows.a!)
    const outcomes: string[] = []
    for (const member of A.members) {
      outcomes.push(
        await outcome(
          t.tenant(t.as('demo', member.role), async (tx) => {
            const moved = await query(tx, sql`update ${ident(table.name)} set organization_id = ${B.id} where ${pkWhere(table, rows.a!)} returning 1`)
            if (moved.length) throw new Error('moved')
          }),
        ),
      )
    }
    // Members who cannot see or change the row touch 0 rows; those who can are stopped by the policy.
    check(outcomes).toContain('42501')
    check(outcomes.every((o) => o === '42501' || o === 'ok'), outcomes.join()).toBe(true)
    check(await adminRow(table, rows.a!)).toEqual(before)
  })

  const countIsZero = (tx: Tx) =>
    query<{ n: number }>(tx, sql`select count(*)::int as n from ${ident(table.name)}`).then(([r]) => {
      if (r!.n !== 0) throw new Error(`sees ${r!.n} rows`)
    })

  it('a claim for B by a user who is not a member of B sees nothing', async () => {
    const forged = { ...owner, organizationId: B.id }
    check(['ok', '42501']).toContain(await outcome(t.tenant(forged, countIsZero)))
  })

  it('with no claims, or as anon, nothing is visible', async () => {
    check(['ok', '42501']).toContain(await outcome(t.anonymous(countIsZero)))
    const anon = await outcome(
      asAnon(async (tx) => {
        const [x] = await query<{ n: number }>(tx, sql`select count(*)::int as n from ${ident(table.name)}`)
        if (x!.n !== 0) throw new Error(`anon sees ${x!.n} rows`)
      }),
    )
    check(['ok', '42501']).toContain(anon)
  })
})

describe('global tables', () => {
  it('organizations: a member sees only their own company', async () => {
    const visible = await t.tenant(owner, (tx) => query<{ id: string }>(tx, sql`select id from organizations`))
    check(visible.map((r) => r.id)).toEqual([A.id])
  })

  it("users: a member sees only the members of their company, and cannot rename someone else", async () => {
    const visible = await t.tenant(owner, (tx) => query<{ id: string }>(tx, sql`select id from users`))
    check(new Set(visible.map((r) => r.id))).toEqual(new Set(A.members.map((m) => m.userId)))
    const other = B.members[0]!.userId
    const renamed = await t.tenant(owner, (tx) => query(tx, sql`update users set name = 'x' where id = ${other} returning 1`))
    check(renamed.length).toBe(0)
  })

  it("organizations: an admin of A cannot change B's name", async () => {
    const changed = await t.tenant(t.as('demo', 'admin'), (tx) => query(tx, sql`update organizations set name = 'x' where id = ${B.id} returning 1`))
    check(changed.length).toBe(0)
  })
})
