import { sql, type SQL } from 'drizzle-orm'
import { pgPolicy, timestamp, uuid } from 'drizzle-orm/pg-core'
import { authenticatedRole } from 'drizzle-orm/supabase'

export const roles = ['owner', 'admin', 'leader', 'staff', 'viewer'] as const
export type Role = (typeof roles)[number]

export const id = () => uuid('id').notNull().defaultRandom()
export const organizationId = () => uuid('organization_id').notNull()
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
export const deletedAt = () => timestamp('deleted_at', { withTimezone: true })

const inOrg = sql`organization_id = (select app.org_id())`

function roleCheck(allowed: readonly Role[] | undefined): SQL {
  if (!allowed) return inOrg
  const list = sql.raw(allowed.map((r) => `'${r}'`).join(', '))
  return sql`${inOrg} and (select app.has_role(${list}))`
}

/**
 * The four RLS policies every tenant table carries: members read their company's rows,
 * and writers (optionally narrowed to some roles) write only inside it.
 */
export function tenantPolicies(table: string, write?: { roles?: readonly Role[]; insert?: boolean; update?: boolean; delete?: boolean }) {
  const check = roleCheck(write?.roles)
  const policies = [pgPolicy(`${table}_select`, { for: 'select', to: authenticatedRole, using: inOrg })]
  if (write?.insert !== false) policies.push(pgPolicy(`${table}_insert`, { for: 'insert', to: authenticatedRole, withCheck: check }))
  if (write?.update !== false) policies.push(pgPolicy(`${table}_update`, { for: 'update', to: authenticatedRole, using: check, withCheck: check }))
  if (write?.delete !== false) policies.push(pgPolicy(`${table}_delete`, { for: 'delete', to: authenticatedRole, using: check }))
  return policies
}

/** Roles that may change a company's data (everyone but viewers). */
export const writers = ['owner', 'admin', 'leader', 'staff'] as const satisfies readonly Role[]
export const managers = ['owner', 'admin'] as const satisfies readonly Role[]
