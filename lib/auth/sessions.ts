import { and, eq, isNull, sql } from 'drizzle-orm'
import { sessions } from '../db/schema'
import { rows } from '../db/sql'
import type { Tx } from '../db/types'
import type { Role } from './roles'
import { SESSION_IDLE_SECONDS, SESSION_MAX_SECONDS } from './config'
import { newToken, tokenHash } from './tokens'

export interface SessionMember {
  sessionId: string
  userId: string
  role: Role
  email: string
  name: string
  locale: 'ja' | 'en' | null
  expiresAt: Date
}

/** A new session for a member who just proved who they are (privileged tx). A fresh token every time. */
export async function createSession(
  tx: Tx,
  input: { organizationId: string; userId: string; ip?: string | null; userAgent?: string | null },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken()
  const expiresAt = new Date(Date.now() + SESSION_MAX_SECONDS * 1000)
  await tx.insert(sessions).values({
    organizationId: input.organizationId,
    userId: input.userId,
    tokenHash: tokenHash(token),
    expiresAt,
    ipAddress: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, 500) ?? null,
  })
  return { token, expiresAt }
}

/** The member behind a session cookie in this company, or null (anonymous tx: a security-definer lookup). */
export async function sessionMember(tx: Tx, token: string, organizationId: string): Promise<SessionMember | null> {
  const [row] = await rows<{ session_id: string; user_id: string; role: Role; email: string; name: string; locale: 'ja' | 'en' | null; expires_at: string | Date }>(
    tx,
    sql`select * from app.session_member(${tokenHash(token)}, ${organizationId}::uuid, ${SESSION_IDLE_SECONDS}::int)`,
  )
  if (!row) return null
  return {
    sessionId: row.session_id,
    userId: row.user_id,
    role: row.role,
    email: row.email,
    name: row.name,
    locale: row.locale,
    expiresAt: new Date(row.expires_at),
  }
}

/** Ends one session (privileged tx). */
export async function revokeSession(tx: Tx, organizationId: string, sessionId: string): Promise<void> {
  await tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.organizationId, organizationId), eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
}

/** Ends every session of a person, in every company (privileged tx): after a password reset. */
export async function revokeAllSessions(tx: Tx, userId: string): Promise<number> {
  const ended = await tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id })
  return ended.length
}
