import { and, eq, sql } from 'drizzle-orm'
import { withTenant, type TenantContext, type Tx } from '../db'
import { idempotencyKeys } from '../db/schema'
import { rows } from '../db/sql'
import { requestHash } from '../idempotency'
import { applyMove, byDeviceTime, type AppliedMove } from './commands'
import type { SyncInput } from './schemas'

export type SyncOutcome = 'applied' | 'replayed' | 'refused' | 'in_flight' | 'mismatch'

export interface SyncItemResult {
  clientId: string
  outcome: SyncOutcome
  /** The HTTP status this item alone would have had. */
  status: number
  code?: string
  details?: unknown
  move?: AppliedMove
}

type StoredBody = { ok: true; move: AppliedMove } | { ok: false; code: string; details?: unknown }

const statusFor = (code: string) => (code === 'TOOL_NOT_FOUND' || code === 'LOCATION_NOT_FOUND' ? 404 : code === 'VALIDATION' ? 422 : 409)
const SCOPE = 'move'

type Claimed = { id: string } | { inFlight: true } | { existing: { requestHash: string; scope: string; statusCode: number | null; responseBody: unknown } }

/**
 * Claims the item's UUID as its Idempotency-Key inside the move's own transaction. A duplicate still running
 * elsewhere holds the key's transaction-scoped advisory lock, so this one answers "in flight" (409) at once
 * instead of waiting; once the first has committed, a retry finds its answer. An expired key is taken over.
 */
async function claim(tx: Tx, ctx: TenantContext, key: string, hash: string): Promise<Claimed> {
  const mine = and(eq(idempotencyKeys.organizationId, ctx.organizationId), eq(idempotencyKeys.userId, ctx.userId), eq(idempotencyKeys.key, key))
  const [lock] = await rows<{ held: boolean }>(
    tx,
    sql`select pg_try_advisory_xact_lock(hashtextextended(${`move:${ctx.organizationId}:${ctx.userId}:${key}`}, 0)) as held`,
  )
  if (!lock?.held) return { inFlight: true }
  for (let attempt = 0; attempt < 2; attempt++) {
    const [inserted] = await tx
      .insert(idempotencyKeys)
      .values({ organizationId: ctx.organizationId, userId: ctx.userId, key, scope: SCOPE, requestHash: hash })
      .onConflictDoNothing()
      .returning({ id: idempotencyKeys.id })
    if (inserted) return inserted
    const [existing] = await tx
      .select({
        requestHash: idempotencyKeys.requestHash,
        scope: idempotencyKeys.scope,
        statusCode: idempotencyKeys.statusCode,
        responseBody: idempotencyKeys.responseBody,
        expired: sql<boolean>`${idempotencyKeys.expiresAt} < now()`,
      })
      .from(idempotencyKeys)
      .where(mine)
    if (!existing?.expired) return { existing: existing! }
    await tx.delete(idempotencyKeys).where(mine)
  }
  throw new Error('idempotency key could not be claimed')
}

/**
 * The offline queue's sync: moves applied in device-time order, each exactly once under its own UUID as
 * Idempotency-Key. A retry of any item returns its first result (also a refusal); the same UUID with a
 * different move is a mismatch (422); a duplicate arriving while the first is still running is in flight (409)
 * and gets the first answer when it tries again. The key, the move and the answer are written in one transaction (one commit per item), so a
 * crash leaves either all of them or none. Nothing is dropped: every item gets a result.
 */
export async function syncMoves(ctx: TenantContext, items: SyncInput['items']): Promise<SyncItemResult[]> {
  const ordered = [...items].sort(byDeviceTime)
  const results = new Map<string, SyncItemResult>()
  for (const item of ordered) {
    const hash = requestHash(SCOPE, item)
    const result = await withTenant(ctx, async (tx): Promise<SyncItemResult> => {
      const claimed = await claim(tx, ctx, item.clientId, hash)
      if ('inFlight' in claimed) return { clientId: item.clientId, outcome: 'in_flight', status: 409, code: 'IDEMPOTENCY_IN_FLIGHT' }
      if ('existing' in claimed) {
        const e = claimed.existing
        if (e.requestHash !== hash || e.scope !== SCOPE) return { clientId: item.clientId, outcome: 'mismatch', status: 422, code: 'IDEMPOTENCY_MISMATCH' }
        // A key is claimed and answered in one transaction; only a key written by another path can lack an answer.
        if (e.statusCode === null) return { clientId: item.clientId, outcome: 'in_flight', status: 409, code: 'IDEMPOTENCY_IN_FLIGHT' }
        const body = e.responseBody as StoredBody
        return body.ok
          ? { clientId: item.clientId, outcome: 'replayed', status: 200, move: body.move }
          : { clientId: item.clientId, outcome: 'refused', status: e.statusCode, code: body.code, details: body.details }
      }
      const applied = await applyMove(tx, item, { userId: ctx.userId, source: 'offline' })
      const status = applied.ok ? 201 : statusFor(applied.error.code)
      const body: StoredBody = applied.ok ? { ok: true, move: applied.data } : { ok: false, code: applied.error.code, details: applied.error.details ?? applied.error.fields }
      await tx
        .update(idempotencyKeys)
        .set({ statusCode: status, responseBody: body, completedAt: sql`now()` })
        .where(and(eq(idempotencyKeys.organizationId, ctx.organizationId), eq(idempotencyKeys.id, claimed.id)))
      return body.ok
        ? { clientId: item.clientId, outcome: 'applied', status, move: body.move }
        : { clientId: item.clientId, outcome: 'refused', status, code: body.code, details: body.details }
    })
    results.set(item.clientId, result)
  }
  return items.map((item) => results.get(item.clientId)!)
}
