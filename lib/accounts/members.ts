import { and, asc, eq, sql } from 'drizzle-orm'
import { atLeast, type Role } from '../auth/roles'
import { withTenant, type TenantContext } from '../db'
import { INSUFFICIENT_PRIVILEGE, LAST_OWNER, SEAT_LIMIT, sqlState } from '../db/errors'
import { memberships, organizations, users } from '../db/schema'
import type { Tx } from '../db/types'

export interface MemberRow {
  userId: string
  name: string
  email: string
  role: Role
  isActive: boolean
  createdAt: Date
}

/** Everyone in this company, active first, by role then name (tenant tx). */
export async function listMembers(tx: Tx): Promise<MemberRow[]> {
  const list = await tx
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, isActive: memberships.isActive, createdAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .orderBy(asc(users.name))
  const rank: Record<Role, number> = { owner: 0, admin: 1, leader: 2, staff: 3, viewer: 4 }
  return list.sort((a, b) => Number(b.isActive) - Number(a.isActive) || rank[a.role] - rank[b.role])
}

export type MemberChange = { ok: true } | { ok: false; reason: 'forbidden' | 'not_found' | 'last_owner' | 'seats' }

/** The database's refusals (policies and app.guard_membership()) as outcomes; anything else is a bug. */
async function guarded(fn: () => Promise<MemberChange>): Promise<MemberChange> {
  try {
    return await fn()
  } catch (error) {
    const state = sqlState(error)
    if (state === INSUFFICIENT_PRIVILEGE) return { ok: false, reason: 'forbidden' }
    if (state === LAST_OWNER) return { ok: false, reason: 'last_owner' }
    if (state === SEAT_LIMIT) return { ok: false, reason: 'seats' }
    throw error
  }
}

async function target(tx: Tx, userId: string) {
  const [m] = await tx.select({ role: memberships.role, isActive: memberships.isActive }).from(memberships).where(eq(memberships.userId, userId))
  return m
}

const byUser = (ctx: TenantContext, userId: string) => and(eq(memberships.organizationId, ctx.organizationId), eq(memberships.userId, userId))

/** Gives a member another role: only managers, never above their own role, never someone above them. */
export function changeRole(ctx: TenantContext, input: { userId: string; role: Exclude<Role, 'owner'> }): Promise<MemberChange> {
  return guarded(() =>
    withTenant(ctx, async (tx) => {
      const m = await target(tx, input.userId)
      if (!m) return { ok: false, reason: 'not_found' }
      if (!atLeast(ctx.role, 'admin') || !atLeast(ctx.role, m.role) || !atLeast(ctx.role, input.role)) return { ok: false, reason: 'forbidden' }
      await tx.update(memberships).set({ role: input.role }).where(byUser(ctx, input.userId))
      return { ok: true }
    }),
  )
}

/** Deactivates (ends their sessions at once) or reactivates a member; reactivation takes a seat. */
export function setMemberActive(ctx: TenantContext, input: { userId: string; active: boolean }): Promise<MemberChange> {
  return guarded(() =>
    withTenant(ctx, async (tx) => {
      const m = await target(tx, input.userId)
      if (!m) return { ok: false, reason: 'not_found' }
      if (!atLeast(ctx.role, 'admin') || !atLeast(ctx.role, m.role)) return { ok: false, reason: 'forbidden' }
      await tx
        .update(memberships)
        .set({ isActive: input.active, deactivatedAt: input.active ? null : new Date() })
        .where(byUser(ctx, input.userId))
      return { ok: true }
    }),
  )
}

/** The owner hands the company to another active member and stays on as admin. */
export function transferOwnership(ctx: TenantContext, input: { userId: string }): Promise<MemberChange> {
  return guarded(() =>
    withTenant(ctx, async (tx) => {
      if (ctx.role !== 'owner' || input.userId === ctx.userId) return { ok: false, reason: 'forbidden' }
      const m = await target(tx, input.userId)
      if (!m?.isActive) return { ok: false, reason: 'not_found' }
      // New owner first, so the company is never without one.
      await tx.update(memberships).set({ role: 'owner' }).where(byUser(ctx, input.userId))
      await tx.update(memberships).set({ role: 'admin' }).where(byUser(ctx, ctx.userId))
      await tx.execute(sql`select app.log_event('company.ownership_transferred', 'memberships', ${input.userId}, null)`)
      return { ok: true }
    }),
  )
}

/** The company's security settings (tenant tx). */
export async function companySecurity(tx: Tx, organizationId: string): Promise<{ requireTwoFactor: boolean }> {
  const [org] = await tx.select({ settings: organizations.settings }).from(organizations).where(eq(organizations.id, organizationId))
  return { requireTwoFactor: org?.settings?.requireTwoFactor === true }
}

/** Owners and admins may require two-factor sign-in of owners and admins (tenant tx; policy-checked). */
export async function setCompanySecurity(tx: Tx, organizationId: string, input: { requireTwoFactor: boolean }): Promise<boolean> {
  const done = await tx
    .update(organizations)
    .set({ settings: sql`${organizations.settings} || ${JSON.stringify({ requireTwoFactor: input.requireTwoFactor })}::jsonb` })
    .where(eq(organizations.id, organizationId))
    .returning({ id: organizations.id })
  return done.length > 0
}
