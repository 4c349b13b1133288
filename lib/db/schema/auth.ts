import { bigint, customType, foreignKey, index, inet, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { memberships, organizations, users } from './core'
import { createdAt, id, organizationId, updatedAt } from './helpers'

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' })

/** Secrets of a person's one login. No policy and no grant: only the privileged auth path reads it. */
export const userCredentials = pgTable('user_credentials', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  passwordHash: text('password_hash').notNull(),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
  totpSecret: text('totp_secret'),
  totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
  /** The last TOTP time step accepted, so a code works once. */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}).enableRLS()

/**
 * A signed-in browser, bound to the one company it signed in to. The cookie holds a random token;
 * only its SHA-256 is stored. Members never read this table directly (no grant).
 */
export const sessions = pgTable(
  'sessions',
  {
    organizationId: organizationId().references(() => organizations.id),
    id: id(),
    userId: uuid('user_id').notNull(),
    tokenHash: bytea('token_hash').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ipAddress: inet('ip_address'),
    userAgent: text('user_agent'),
  },
  (t) => [
    primaryKey({ name: 'sessions_pkey', columns: [t.organizationId, t.id] }),
    uniqueIndex('sessions_org_token_key').on(t.organizationId, t.tokenHash),
    index('sessions_user_idx').on(t.userId),
    foreignKey({ name: 'sessions_membership_fk', columns: [t.organizationId, t.userId], foreignColumns: [memberships.organizationId, memberships.userId] }),
  ],
).enableRLS()

export type Session = typeof sessions.$inferSelect
