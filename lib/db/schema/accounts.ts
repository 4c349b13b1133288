import { sql } from 'drizzle-orm'
import { check, customType, foreignKey, index, integer, pgPolicy, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { authenticatedRole } from 'drizzle-orm/supabase'
import { memberships, organizations, users } from './core'
import { createdAt, id, organizationId } from './helpers'

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' })

const inOrgAsManager = sql`organization_id = (select app.org_id()) and (select app.has_role('owner', 'admin'))`
// Nobody invites above their own role, and owners are made only by transfer.
const roleCeiling = sql`role <> 'owner' and array_position(array['viewer', 'staff', 'leader', 'admin', 'owner'], role)
  <= array_position(array['viewer', 'staff', 'leader', 'admin', 'owner'], (select app.org_role()))`

/**
 * An invitation to join a company with a role. The link carries a random token; only its SHA-256 is
 * stored, and members (owners and admins) may read every column but that one.
 */
export const invitations = pgTable(
  'invitations',
  {
    organizationId: organizationId().references(() => organizations.id),
    id: id(),
    email: text('email').notNull(),
    role: text('role', { enum: ['admin', 'leader', 'staff', 'viewer'] }).notNull(),
    tokenHash: bytea('token_hash').notNull(),
    invitedBy: uuid('invited_by').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'invitations_pkey', columns: [t.organizationId, t.id] }),
    uniqueIndex('invitations_org_token_key').on(t.organizationId, t.tokenHash),
    index('invitations_org_created_idx').on(t.organizationId, t.createdAt.desc()),
    check('invitations_role_check', sql`${t.role} in ('admin', 'leader', 'staff', 'viewer')`),
    check('invitations_email_format', sql`${t.email} ~ '^[^@\\s]+@[^@\\s]+$'`),
    foreignKey({ name: 'invitations_inviter_fk', columns: [t.organizationId, t.invitedBy], foreignColumns: [memberships.organizationId, memberships.userId] }),
    foreignKey({ name: 'invitations_accepter_fk', columns: [t.organizationId, t.acceptedBy], foreignColumns: [memberships.organizationId, memberships.userId] }),
    pgPolicy('invitations_select', { for: 'select', to: authenticatedRole, using: inOrgAsManager }),
    pgPolicy('invitations_insert', {
      for: 'insert',
      to: authenticatedRole,
      withCheck: sql`${inOrgAsManager} and ${roleCeiling} and invited_by = (select app.user_id())`,
    }),
    pgPolicy('invitations_update', { for: 'update', to: authenticatedRole, using: inOrgAsManager, withCheck: sql`${inOrgAsManager} and ${roleCeiling}` }),
  ],
).enableRLS()

/** A password-reset link sent from one company's sign-in page. Single use, 30 minutes. Privileged path only. */
export const passwordResets = pgTable(
  'password_resets',
  {
    organizationId: organizationId().references(() => organizations.id),
    id: id(),
    userId: uuid('user_id').notNull(),
    tokenHash: bytea('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'password_resets_pkey', columns: [t.organizationId, t.id] }),
    uniqueIndex('password_resets_org_token_key').on(t.organizationId, t.tokenHash),
    index('password_resets_user_idx').on(t.userId),
    foreignKey({ name: 'password_resets_membership_fk', columns: [t.organizationId, t.userId], foreignColumns: [memberships.organizationId, memberships.userId] }),
  ],
).enableRLS()

/**
 * Short-lived single-use tokens that stand for a proven identity in one company: `handoff` carries a
 * sign-in across hosts (sign-up on the apex, the company switcher); `two_factor` is a password that
 * was right, waiting for its TOTP code. Neither is a session. Privileged path only.
 */
export const authTokens = pgTable(
  'auth_tokens',
  {
    organizationId: organizationId().references(() => organizations.id),
    id: id(),
    userId: uuid('user_id').notNull(),
    purpose: text('purpose', { enum: ['handoff', 'two_factor'] }).notNull(),
    tokenHash: bytea('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'auth_tokens_pkey', columns: [t.organizationId, t.id] }),
    uniqueIndex('auth_tokens_org_token_key').on(t.organizationId, t.tokenHash),
    index('auth_tokens_expires_idx').on(t.expiresAt),
    check('auth_tokens_purpose_check', sql`${t.purpose} in ('handoff', 'two_factor')`),
    foreignKey({ name: 'auth_tokens_membership_fk', columns: [t.organizationId, t.userId], foreignColumns: [memberships.organizationId, memberships.userId] }),
  ],
).enableRLS()

/** Two-factor recovery codes of one login, hashed; each works once. Privileged path only. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: bytea('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('recovery_codes_user_code_key').on(t.userId, t.codeHash)],
).enableRLS()

/** Rate-limit counters (rate-limiter-flexible's store when REDIS_URL is unset). Reached only through app.rate_limit_*(). */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    points: integer('points').notNull(),
    expire: timestamp('expire', { withTimezone: true }),
  },
  (t) => [index('rate_limits_expire_idx').on(t.expire)],
).enableRLS()

/** Mail that would have been sent, in development without SMTP_URL (shown at /dev/outbox). */
export const mailOutbox = pgTable('mail_outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  html: text('html'),
  createdAt: createdAt(),
}).enableRLS()

export type Invitation = typeof invitations.$inferSelect
