import type { Role } from '../db/schema/helpers'

export type { Role } from '../db/schema/helpers'
export { roles } from '../db/schema/helpers'

/** Higher is more: owner 4 … viewer 0. */
const rank: Record<Role, number> = { owner: 4, admin: 3, leader: 2, staff: 1, viewer: 0 }

/** Whether `role` is `minimum` or above it. */
export const atLeast = (role: Role, minimum: Role) => rank[role] >= rank[minimum]

/** The roles a member with `role` may give others (never above their own; only an owner makes owners, by transfer). */
export const assignableRoles = (role: Role): Role[] =>
  (['admin', 'leader', 'staff', 'viewer'] as const).filter((r) => rank[r] <= rank[role] && atLeast(role, 'admin'))
