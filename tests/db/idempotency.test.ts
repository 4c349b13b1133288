import { afterAll, describe, expect, it } from 'vitest'
import { setDb } from '@/lib/db'
import { IdempotencyError, idempotent, requestHash } from '@/lib/idempotency'
import { openTestDb, query, sql } from '../support/db'

const t = await openTestDb()
setDb(t.db)
afterAll(async () => {
  setDb(undefined)
  await t.close()
})

const staff = t.as('demo', 'staff')
const key = () => crypto.randomUUID()

/** A piece of work that counts how often it really ran. */
function counter() {
  let runs = 0
  return {
    get runs() {
      return runs
    },
    work: async () => {
      runs++
      return { status: 201, body: { run: runs } }
    },
  }
}

describe('idempotent', () => {
  it('runs once; a retry with the same key and body gets the first answer', async () => {
    const c = counter()
    const k = key()
    const first = await idempotent(staff, { key: k, scope: 'move', body: { a: 1, b: [1, 2] } }, c.work)
    const again = await idempotent(staff, { key: k, scope: 'move', body: { b: [1, 2], a: 1 } }, c.work)
    expect(first).toEqual({ status: 201, body: { run: 1 }, replayed: false })
    expect(again).toEqual({ status: 201, body: { run: 1 }, replayed: true })
    expect(c.runs).toBe(1)
  })

  it('answers 422 to the same key with a different body', async () => {
    const k = key()
    await idempotent(staff, { key: k, scope: 'move', body: { qty: 1 } }, counter().work)
    await expect(idempotent(staff, { key: k, scope: 'move', body: { qty: 2 } }, counter().work)).rejects.toMatchObject({ status: 422, code: 'IDEMPOTENCY_MISMATCH' })
  })

  it('answers 409 to a duplicate that arrives while the first is still running', async () => {
    const k = key()
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    let started!: () => void
    const running = new Promise<void>((r) => (started = r))
    const first = idempotent(staff, { key: k, scope: 'move', body: {} }, async () => {
      started()
      await gate
      return { status: 200, body: 'done' }
    })
    await running
    // PGlite has one connection: the duplicate can only be tried outside the first's transaction there.
    if (t.kind === 'postgres') {
      await expect(idempotent(staff, { key: k, scope: 'move', body: {} }, counter().work)).rejects.toMatchObject({ status: 409 })
    }
    release()
    expect((await first).body).toBe('done')
    if (t.kind === 'pglite') {
      // The claim row was visible before the work finished: simulate the in-flight state directly.
      const k2 = key()
      await t.tenant(staff, (tx) => query(tx, sql`insert into idempotency_keys (organization_id, user_id, key, scope, request_hash) values (${staff.organizationId}, ${staff.userId}, ${k2}, 'move', ${requestHash('move', {})})`))
      await expect(idempotent(staff, { key: k2, scope: 'move', body: {} }, counter().work)).rejects.toMatchObject({ status: 409 })
    }
  })

  it('releases the key when the work fails, so the request can be retried', async () => {
    const k = key()
    await expect(idempotent(staff, { key: k, scope: 'move', body: {} }, async () => Promise.reject(new Error('nope')))).rejects.toThrow('nope')
    const c = counter()
    expect((await idempotent(staff, { key: k, scope: 'move', body: {} }, c.work)).replayed).toBe(false)
    expect(c.runs).toBe(1)
  })

  it('keeps keys per member: another member may use the same key', async () => {
    const k = key()
    const c = counter()
    await idempotent(staff, { key: k, scope: 'move', body: {} }, c.work)
    await idempotent(t.as('demo', 'leader'), { key: k, scope: 'move', body: {} }, c.work)
    expect(c.runs).toBe(2)
  })

  it('forgets a key after it expires', async () => {
    const k = key()
    const c = counter()
    await idempotent(staff, { key: k, scope: 'move', body: {} }, c.work)
    await t.admin(`update idempotency_keys set expires_at = now() - interval '1 second' where key = $1`, [k])
    expect((await idempotent(staff, { key: k, scope: 'move', body: {} }, c.work)).replayed).toBe(false)
    expect(c.runs).toBe(2)
  })

  it('refuses malformed keys', async () => {
    await expect(idempotent(staff, { key: 'short', scope: 'move', body: {} }, counter().work)).rejects.toBeInstanceOf(IdempotencyError)
    await expect(idempotent(staff, { key: 'has space 12345', scope: 'move', body: {} }, counter().work)).rejects.toMatchObject({ status: 400 })
  })

  it('runs exactly once under 10 concurrent retries of one key', async () => {
    const k = key()
    const c = counter()
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => idempotent(staff, { key: k, scope: 'move', body: { x: 1 } }, c.work)))
    expect(c.runs).toBe(1)
    for (const r of results) {
      if (r.status === 'fulfilled') expect(r.value.body).toEqual({ run: 1 })
      else expect((r.reason as IdempotencyError).status).toBe(409)
    }
  })
})
