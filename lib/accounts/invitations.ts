import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import { hashPassword, verifyPassword } from '../auth/password'
import { assignableRoles, type Role } from '../auth/roles'
import { newToken, tokenHash } from '../auth/tokens'
import type { TenantContext } from '../db'
import { invitations, memberships, userCredentials, users } from '../db/schema'
import { rows } from '../db/sql'
import type { Tx } from '../db/types'
import type { JoinInput } from './schemas'

export const INVITATION_DAYS = 7

export interface InvitationRow {
  id: string
  email: string
  role: Role
  expiresAt: Date
  acceptedAt: Date | null
  revokedAt: Date | null
  createdAt: Date
}

type InvitableRole = Exclude<Role, 'owner'>

export type CreateInvitationOutcome = { ok: true; id: string; token: string; expiresAt: Date } | { ok: false; reason: 'forbidden' | 'already_member' }

/**
 * An owner or admin invites someone by email with a role no higher than their own (tenant tx; the
 * policy refuses the same). The 256-bit token goes into the link only; the table keeps its SHA-256.
 */
export async function createInvitation(tx: Tx, ctx: TenantContext, input: { email: string; role: InvitableRole }): Promise<CreateInvitationOutcome> {
  if (!assignableRoles(ctx.role).includes(input.role)) return { ok: false, reason: 'forbidden' }
  const [member] = await rows<{ id: string }>(
    tx,
    sql`select m.id from memberships m join users u on u.id = m.user_id where lower(u.email) = ${input.email} and m.is_active`,
  )
  if (member) return { ok: false, reason: 'already_member' }
  const token = newToken()
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000)
  const id = crypto.randomUUID()
  // Only the columns members may insert (drizzle would name every column, defaults included).
  await tx.execute(
    sql`insert into invitations (organization_id, id, email, role, token_hash, invited_by, expires_at)
        values (${ctx.organizationId}, ${id}, ${input.email}, ${input.role}, ${tokenHash(token)}, ${ctx.userId}, ${expiresAt.toISOString()})`,
  )
  return { ok: true, id, token, expiresAt }
}

const listed = {
  id: invitations.id,
  email: invitations.email,
  role: invitations.role,
  expiresAt: invitations.expiresAt,
  acceptedAt: invitations.acceptedAt,
  revokedAt: invitations.revokedAt,
  createdAt: invitations.createdAt,
}

/** Invitations still open, newest first (tenant tx; never the token hash, which members cannot read). */
export async function listOpenInvitations(tx: Tx): Promise<InvitationRow[]> {
  return tx
    .select(listed)
    .from(invitations)
    .where(and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), sql`${invitations.expiresAt} > now()`))
    .orderBy(desc(invitations.createdAt))
    .limit(100)
}

/** Withdraws an open invitation (tenant tx). */
export async function revokeInvitation(tx: Tx, id: string): Promise<boolean> {
  const done = await tx
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id })
  return done.length > 0
}

export interface InvitationPreview {
  id: string
  email: string
  role: Role
  expiresAt: Date
  hasAccount: boolean
}

/** What /join shows for a live invitation of this company, or null (anonymous tx). */
export async function previewInvitation(tx: Tx, organizationId: string, token: string): Promise<InvitationPreview | null> {
  const [row] = await rows<{ id: string; email: string; role: Role; expires_at: string | Date; has_account: boolean }>(
    tx,
    sql`select * from app.invitation_preview(${organizationId}::uuid, ${tokenHash(token)})`,
  )
  return row ? { id: row.id, email: row.email, role: row.role, expiresAt: new Date(row.expires_at), hasAccount: row.has_account } : null
}

export type AcceptOutcome =
  | { ok: true; userId: string; role: Role; totpEnabled: boolean }
  | { ok: false; reason: 'invalid' | 'seats' | 'password' | 'account_exists' | 'no_account' }

/**
 * Accepts an invitation (privileged tx): under a lock on the company row, so concurrent accepts see
 * each other's members and the plan's user limit holds; the token works once.
 */
export async function acceptInvitation(tx: Tx, organizationId: string, input: JoinInput): Promise<AcceptOutcome> {
  const [org] = await rows<{ max_users: number | null }>(tx, sql`select max_users from organizations where id = ${organizationId} for update`)
  const [invitation] = await rows<{ id: string; email: string; role: Role }>(
    tx,
    sql`select id, email, role from invitations where organization_id = ${organizationId} and token_hash = ${tokenHash(input.token)}
        and accepted_at is null and revoked_at is null and expires_at > now() for update`,
  )
  if (!org || !invitation) return { ok: false, reason: 'invalid' }
  const [user] = await rows<{ id: string; password_hash: string | null; totp: boolean }>(
    tx,
    sql`select u.id, c.password_hash, c.totp_enabled_at is not null as totp from users u left join user_credentials c on c.user_id = u.id
        where lower(u.email) = lower(${invitation.email}) and u.deleted_at is null`,
  )
  if (input.mode === 'new' && user) return { ok: false, reason: 'account_exists' }
  if (input.mode === 'existing' && !user) return { ok: false, reason: 'no_account' }
  if (input.mode === 'existing' && !(await verifyPassword(user!.password_hash, input.password))) return { ok: false, reason: 'password' }

  const [membership] = user
    ? await tx.select({ isActive: memberships.isActive }).from(memberships).where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, user.id)))
    : []
  if (!membership?.isActive && org.max_users !== null) {
    const [used] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from memberships where organization_id = ${organizationId} and is_active`)
    if (used!.n >= org.max_users) return { ok: false, reason: 'seats' }
  }

  let userId = user?.id
  if (input.mode === 'new') {
    const [created] = await tx.insert(users).values({ email: invitation.email, name: input.name }).returning({ id: users.id })
    userId = created!.id
    await tx.insert(userCredentials).values({ userId, passwordHash: await hashPassword(input.password) })
  }
  if (!membership) await tx.insert(memberships).values({ organizationId, userId: userId!, role: invitation.role })
  else if (!membership.isActive) {
    await tx
      .update(memberships)
      .set({ isActive: true, deactivatedAt: null, role: invitation.role })
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId!)))
  }
  await tx
    .update(invitations)
    .set({ acceptedAt: new Date(), acceptedBy: userId })
    .where(and(eq(invitations.organizationId, organizationId), eq(invitations.id, invitation.id)))
  const role = membership?.isActive ? (await currentRole(tx, organizationId, userId!)) : invitation.role
  return { ok: true, userId: userId!, role, totpEnabled: Boolean(user?.totp) }
}

async function currentRole(tx: Tx, organizationId: string, userId: string): Promise<Role> {
  const [m] = await tx.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
  return m!.role
}
