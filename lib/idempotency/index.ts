import { createHash } from 'node:crypto'
import { and, eq, lt, sql } from 'drizzle-orm'
import { withTenant, type TenantContext, type Tx } from '../db'
import { idempotencyKeys } from '../db/schema'

export interface Stored<T> {
  status: number
  body: T
  /** True when this is the stored answer to an earlier request with the same key. */
  replayed: boolean
}

export class IdempotencyError extends Error {
  constructor(
    readonly code: 'IDEMPOTENCY_IN_FLIGHT' | 'IDEMPOTENCY_MISMATCH' | 'IDEMPOTENCY_KEY_INVALID',
    readonly status: 409 | 422 | 400,
  ) {
    super(code)
    this.name = 'IdempotencyError'
  }
}

const keyPattern = /^[A-Za-z0-9._:-]{8,255}$/

/** Canonical JSON (sorted keys), so the same body always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

export const requestHash = (scope: string, body: unknown) => createHash('sha256').update(scope).update('\n').update(canonical(body)).digest('hex')

/**
 * Runs `work` at most once per (member, key): a retry gets the first answer, the same key with another
 * body gets 422, and a duplicate that arrives while the first is still running gets 409.
 * The key is claimed in its own committed transaction first, so a concurrent duplicate sees the claim.
 * If `work` throws, the claim is released and the request may be retried.
 */
export async function idempotent<T>(
  ctx: TenantContext,
  request: { key: string; scope: string; body: unknown },
  work: (tx: Tx) => Promise<{ status: number; body: T }>,
): Promise<Stored<T>> {
  if (!keyPattern.test(request.key)) throw new IdempotencyError('IDEMPOTENCY_KEY_INVALID', 400)
  const hash = requestHash(request.scope, request.body)
  const mine = and(eq(idempotencyKeys.organizationId, ctx.organizationId), eq(idempotencyKeys.userId, ctx.userId), eq(idempotencyKeys.key, request.key))

  const claim = await withTenant(ctx, async (tx) => {
    await tx.delete(idempotencyKeys).where(and(mine, lt(idempotencyKeys.expiresAt, sql`now()`)))
    const [inserted] = await tx
      .insert(idempotencyKeys)
      .values({ organizationId: ctx.organizationId, userId: ctx.userId, key: request.key, scope: request.scope, requestHash: hash })
      .onConflictDoNothing()
      .returning({ id: idempotencyKeys.id })
    if (inserted) return { id: inserted.id, existing: null }
    const [existing] = await tx.select().from(idempotencyKeys).where(mine)
    return { id: null, existing: existing! }
  })

  if (claim.existing) {
    const e = claim.existing
    if (e.requestHash !== hash || e.scope !== request.scope) throw new IdempotencyError('IDEMPOTENCY_MISMATCH', 422)
    if (e.completedAt === null) throw new IdempotencyError('IDEMPOTENCY_IN_FLIGHT', 409)
    return { status: e.statusCode!, body: e.responseBody as T, replayed: true }
  }

  try {
    return await withTenant(ctx, async (tx) => {
      const result = await work(tx)
      await tx
        .update(idempotencyKeys)
        .set({ statusCode: result.status, responseBody: result.body as object, completedAt: new Date() })
        .where(and(eq(idempotencyKeys.organizationId, ctx.organizationId), eq(idempotencyKeys.id, claim.id!)))
      return { ...result, replayed: false }
    })
  } catch (error) {
    await withTenant(ctx, (tx) => tx.delete(idempotencyKeys).where(and(eq(idempotencyKeys.organizationId, ctx.organizationId), eq(idempotencyKeys.id, claim.id!))))
    throw error
  }
}
