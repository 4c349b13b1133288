import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import { authTokens } from '../db/schema'
import { rows } from '../db/sql'
import type { Tx } from '../db/types'
import { newToken, tokenHash } from './tokens'

export type AuthTokenPurpose = 'handoff' | 'two_factor'

/** A handoff crosses hosts in a redirect (2 minutes); a password waits for its code (10 minutes). */
export const AUTH_TOKEN_SECONDS: Record<AuthTokenPurpose, number> = { handoff: 120, two_factor: 600 }

/** A single-use token standing for a proven identity in one company (privileged tx). Only its hash is kept. */
export async function issueAuthToken(tx: Tx, input: { organizationId: string; userId: string; purpose: AuthTokenPurpose }): Promise<string> {
  const token = newToken()
  await tx.insert(authTokens).values({
    organizationId: input.organizationId,
    userId: input.userId,
    purpose: input.purpose,
    tokenHash: tokenHash(token),
    expiresAt: new Date(Date.now() + AUTH_TOKEN_SECONDS[input.purpose] * 1000),
  })
  return token
}

const live = (organizationId: string, token: string, purpose: AuthTokenPurpose) =>
  and(
    eq(authTokens.organizationId, organizationId),
    eq(authTokens.tokenHash, tokenHash(token)),
    eq(authTokens.purpose, purpose),
    isNull(authTokens.usedAt),
    gt(authTokens.expiresAt, sql`now()`),
  )

/** The person a live token stands for, without using it up (the two-factor page). */
export async function peekAuthToken(tx: Tx, input: { organizationId: string; token: string; purpose: AuthTokenPurpose }): Promise<string | null> {
  const [found] = await tx.select({ userId: authTokens.userId }).from(authTokens).where(live(input.organizationId, input.token, input.purpose))
  return found?.userId ?? null
}

/** Uses a token up and returns its person while they are still an active member; a second use gets null. */
export async function redeemAuthToken(tx: Tx, input: { organizationId: string; token: string; purpose: AuthTokenPurpose }): Promise<string | null> {
  const [used] = await tx.update(authTokens).set({ usedAt: sql`now()` }).where(live(input.organizationId, input.token, input.purpose)).returning({ userId: authTokens.userId })
  if (!used) return null
  const [member] = await rows<{ ok: boolean }>(
    tx,
    sql`select true as ok from memberships where organization_id = ${input.organizationId} and user_id = ${used.userId} and is_active`,
  )
  return member ? used.userId : null
}
