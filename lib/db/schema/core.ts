import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  check,
  customType,
  foreignKey,
  index,
  inet,
  integer,
  jsonb,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { authenticatedRole } from 'drizzle-orm/supabase'
import { createdAt, deletedAt, id, managers, organizationId, tenantPolicies, updatedAt } from './helpers'

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' })

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    subdomain: text('subdomain').notNull(),
    kind: text('kind', { enum: ['tenant', 'operator'] }).notNull().default('tenant'),
    plan: text('plan').notNull().default('basic'),
    maxUsers: integer('max_users'),
    maxTools: integer('max_tools'),
    maxCategories: integer('max_categories'),
    maxStorageBytes: bigint('max_storage_bytes', { mode: 'number' }),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    isActive: boolean('is_active').notNull().default(true),
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
    deletedAt: deletedAt(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('organizations_subdomain_key').on(t.subdomain),
    check('organizations_kind_check', sql`${t.kind} in ('tenant', 'operator')`),
    check('organizations_subdomain_format', sql`${t.subdomain} ~ '^[a-z0-9]([a-z0-9-]{1,61}[a-z0-9])$' and ${t.subdomain} !~ '--'`),
    check('organizations_subdomain_not_reserved', sql`not app.is_reserved_subdomain(${t.subdomain})`),
    check('organizations_limits_positive', sql`coalesce(${t.maxUsers}, 1) > 0 and coalesce(${t.maxTools}, 1) > 0 and coalesce(${t.maxCategories}, 1) > 0`),
    pgPolicy('organizations_select', { for: 'select', to: authenticatedRole, using: sql`${t.id} = (select app.org_id())` }),
    pgPolicy('organizations_update', {
      for: 'update',
      to: authenticatedRole,
      using: sql`${t.id} = (select app.org_id()) and (select app.has_role('owner', 'admin'))`,
      withCheck: sql`${t.id} = (select app.org_id()) and (select app.has_role('owner', 'admin'))`,
    }),
  ],
).enableRLS()

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    locale: text('locale', { enum: ['ja', 'en'] }),
    deletedAt: deletedAt(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    check('users_email_format', sql`${t.email} ~ '^[^@\\s]+@[^@\\s]+$'`),
    check('users_locale_check', sql`${t.locale} in ('ja', 'en')`),
    pgPolicy('users_select', {
      for: 'select',
      to: authenticatedRole,
      using: sql`${t.id} = (select app.user_id()) or ${t.id} in (select m.user_id from memberships m where m.organization_id = (select app.org_id()))`,
    }),
    pgPolicy('users_update_self', {
      for: 'update',
      to: authenticatedRole,
      using: sql`${t.id} = (select app.user_id())`,
      withCheck: sql`${t.id} = (select app.user_id())`,
    }),
  ],
).enableRLS()

export const memberships = pgTable(
  'memberships',
  {
    organizationId: organizationId().references(() => organizations.id),
    id: id(),
    userId: uuid('user_id').notNull().references(() => users.id),
    role: text('role', { enum: ['owner', 'admin', 'leader', 'staff', 'viewer'] }).notNull(),
    isActive: boolean('is_active').notNull().default(true),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'memberships_pkey', columns: [t.organizationId, t.id] }),
    unique('memberships_org_user_key').on(t.organizationId, t.userId),
    index('memberships_user_idx').on(t.userId),
    check('memberships_role_check', sql`${t.role} in ('owner', 'admin', 'leader', 'staff', 'viewer')`),
    ...tenantPolicies('memberships', { roles: managers }),
  ],
).enableRLS()

/** Append-only; rows are written only by app.audit_row() and app.write_audit() (security definer). */
export const auditLogs = pgTable(
  'audit_logs',
  {
    organizationId: organizationId(),
    id: id(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    userId: uuid('user_id'),
    action: text('action').notNull(),
    tableName: text('table_name').notNull(),
    recordId: text('record_id'),
    oldValue: jsonb('old_value'),
    newValue: jsonb('new_value'),
    ipAddress: inet('ip_address'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    reason: text('reason'),
    createdAt: createdAt(),
    prevHash: bytea('prev_hash'),
    hash: bytea('hash').notNull(),
  },
  (t) => [
    primaryKey({ name: 'audit_logs_pkey', columns: [t.organizationId, t.id] }),
    uniqueIndex('audit_logs_org_seq_key').on(t.organizationId, t.seq),
    index('audit_logs_org_created_idx').on(t.organizationId, t.createdAt.desc()),
    index('audit_logs_org_record_idx').on(t.organizationId, t.tableName, t.recordId),
    index('audit_logs_org_user_idx').on(t.organizationId, t.userId),
    pgPolicy('audit_logs_select', {
      for: 'select',
      to: authenticatedRole,
      using: sql`${t.organizationId} = (select app.org_id()) and (select app.has_role('owner', 'admin'))`,
    }),
  ],
).enableRLS()

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    organizationId: organizationId(),
    id: id(),
    userId: uuid('user_id').notNull(),
    key: text('key').notNull(),
    scope: text('scope').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    responseBody: jsonb('response_body'),
    createdAt: createdAt(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull().default(sql`now() + interval '24 hours'`),
  },
  (t) => [
    primaryKey({ name: 'idempotency_keys_pkey', columns: [t.organizationId, t.id] }),
    uniqueIndex('idempotency_keys_org_user_key').on(t.organizationId, t.userId, t.key),
    index('idempotency_keys_expires_idx').on(t.expiresAt),
    foreignKey({ name: 'idempotency_keys_org_fk', columns: [t.organizationId], foreignColumns: [organizations.id] }),
    foreignKey({ name: 'idempotency_keys_membership_fk', columns: [t.organizationId, t.userId], foreignColumns: [memberships.organizationId, memberships.userId] }),
    pgPolicy('idempotency_keys_own', {
      for: 'all',
      to: authenticatedRole,
      using: sql`${t.organizationId} = (select app.org_id()) and ${t.userId} = (select app.user_id())`,
      withCheck: sql`${t.organizationId} = (select app.org_id()) and ${t.userId} = (select app.user_id())`,
    }),
  ],
).enableRLS()
