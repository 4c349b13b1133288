import { and, eq, isNull, not, sql } from 'drizzle-orm'
import { verifyPassword } from '../auth/password'
import { setPassword } from '../auth/password-reset'
import type { Role } from '../auth/roles'
import { sessions, userCredentials, users } from '../db/schema'
import { rows } from '../db/sql'
import type { Tx } from '../db/types'
import type { Locale } from '../i18n/locale'

/** A member's own language (tenant tx: RLS lets people change only their own row, and only name/locale). */
export async function setUserLocale(tx: Tx, userId: string, locale: Locale): Promise<void> {
  await tx.update(users).set({ locale }).where(eq(users.id, userId))
}

/** A member's own name and language (tenant tx; RLS allows only their own row). */
export async function updateProfile(tx: Tx, userId: string, input: { name: string; locale: Locale }): Promise<void> {
  await tx.update(users).set({ name: input.name, locale: input.locale }).where(eq(users.id, userId))
}

/**
 * Changes one's password after proving the current one (privileged tx); every other session of this
 * person, in every company, ends; this one stays.
 */
export async function changePassword(
  tx: Tx,
  input: { organizationId: string; userId: string; sessionId: string; currentPassword: string; newPassword: string },
): Promise<boolean> {
  const [cred] = await tx.select({ hash: userCredentials.passwordHash }).from(userCredentials).where(eq(userCredentials.userId, input.userId))
  if (!(await verifyPassword(cred?.hash, input.currentPassword))) return false
  await setPassword(tx, input.userId, input.newPassword)
  await tx
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, input.userId), isNull(sessions.revokedAt), not(and(eq(sessions.organizationId, input.organizationId), eq(sessions.id, input.sessionId))!)))
  await tx.execute(sql`select app.write_audit(${input.organizationId}::uuid, ${input.userId}::uuid, 'auth.password_changed', 'users', ${input.userId}, null, null, null)`)
  return true
}

export interface OwnSession {
  id: string
  createdAt: Date
  lastSeenAt: Date
  ipAddress: string | null
  userAgent: string | null
}

/** The signed-in person's live sessions in this company (tenant tx, through app.my_sessions()). */
export async function listMySessions(tx: Tx): Promise<OwnSession[]> {
  const found = await rows<{ id: string; created_at: string | Date; last_seen_at: string | Date; ip_address: string | null; user_agent: string | null }>(
    tx,
    sql`select * from app.my_sessions()`,
  )
  return found.map((r) => ({ id: r.id, createdAt: new Date(r.created_at), lastSeenAt: new Date(r.last_seen_at), ipAddress: r.ip_address, userAgent: r.user_agent }))
}

/** Ends one of the signed-in person's own sessions here (tenant tx; audited by the function). */
export async function endMySession(tx: Tx, sessionId: string): Promise<boolean> {
  const [r] = await rows<{ ended: boolean }>(tx, sql`select app.end_my_session(${sessionId}::uuid) as ended`)
  return Boolean(r?.ended)
}

/** Whether two-factor is on for the signed-in person, and whether this company requires it of them (tenant tx). */
export async function twoFactorState(tx: Tx): Promise<{ enabled: boolean; required: boolean }> {
  const [r] = await rows<{ enabled: boolean; required: boolean }>(tx, sql`select * from app.two_factor_state()`)
  return { enabled: Boolean(r?.enabled), required: Boolean(r?.required) }
}

export interface Company {
  id: string
  name: string
  subdomain: string
  role: Role
}

/** The companies the signed-in person belongs to (tenant tx, through app.my_companies()): the switcher. */
export async function myCompanies(tx: Tx): Promise<Company[]> {
  return rows<Company>(tx, sql`select id, name, subdomain, role from app.my_companies()`)
}
