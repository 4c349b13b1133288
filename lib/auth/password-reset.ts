import { and, eq, isNull, sql } from 'drizzle-orm'
import { passwordResets, userCredentials } from '../db/schema'
import { rows } from '../db/sql'
import type { Tx } from '../db/types'
import { hashPassword } from './password'
import { revokeAllSessions } from './sessions'
import { newToken, tokenHash } from './tokens'

export const RESET_MINUTES = 30

/**
 * A reset link for an active member of this company with this email (privileged tx), or null for anyone
 * else; the caller answers the same either way.
 */
export async function requestPasswordReset(
  tx: Tx,
  input: { organizationId: string; email: string },
): Promise<{ userId: string; token: string; locale: 'ja' | 'en' | null } | null> {
  const [user] = await rows<{ id: string; locale: 'ja' | 'en' | null }>(
    tx,
    sql`select u.id, u.locale from users u join memberships m on m.user_id = u.id and m.organization_id = ${input.organizationId} and m.is_active
        where lower(u.email) = ${input.email} and u.deleted_at is null`,
  )
  if (!user) return null
  const token = newToken()
  await tx.insert(passwordResets).values({
    organizationId: input.organizationId,
    userId: user.id,
    tokenHash: tokenHash(token),
    expiresAt: new Date(Date.now() + RESET_MINUTES * 60 * 1000),
  })
  await tx.execute(sql`select app.write_audit(${input.organizationId}::uuid, ${user.id}::uuid, 'auth.password_reset_requested', 'users', ${user.id}, null, null, null)`)
  return { userId: user.id, token, locale: user.locale }
}

/** Whether a reset link is still good (anonymous tx). */
export async function resetTokenValid(tx: Tx, organizationId: string, token: string): Promise<boolean> {
  const [row] = await rows<{ valid: boolean }>(tx, sql`select app.password_reset_valid(${organizationId}::uuid, ${tokenHash(token)}) as valid`)
  return Boolean(row?.valid)
}

/**
 * Sets a new password through a reset link (privileged tx): the link works once, every other open link of
 * that person dies with it, and every session they have, in every company, ends.
 */
export async function resetPassword(tx: Tx, input: { organizationId: string; token: string; password: string }): Promise<{ userId: string } | null> {
  const [used] = await tx
    .update(passwordResets)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(passwordResets.organizationId, input.organizationId),
        eq(passwordResets.tokenHash, tokenHash(input.token)),
        isNull(passwordResets.usedAt),
        sql`${passwordResets.expiresAt} > now()`,
      ),
    )
    .returning({ userId: passwordResets.userId })
  if (!used) return null
  await tx.update(passwordResets).set({ usedAt: sql`now()` }).where(and(eq(passwordResets.userId, used.userId), isNull(passwordResets.usedAt)))
  await setPassword(tx, used.userId, input.password)
  const ended = await revokeAllSessions(tx, used.userId)
  await tx.execute(
    sql`select app.write_audit(${input.organizationId}::uuid, ${used.userId}::uuid, 'auth.password_reset', 'users', ${used.userId}, null, ${JSON.stringify({ sessionsEnded: ended })}::jsonb, null)`,
  )
  return used
}

/** Stores a new password hash (privileged tx). */
export async function setPassword(tx: Tx, userId: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password)
  await tx
    .insert(userCredentials)
    .values({ userId, passwordHash })
    .onConflictDoUpdate({ target: userCredentials.userId, set: { passwordHash, passwordChangedAt: sql`now()` } })
}
