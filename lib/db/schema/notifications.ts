import { sql } from 'drizzle-orm'
import { boolean, check, foreignKey, index, jsonb, pgPolicy, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { authenticatedRole } from 'drizzle-orm/supabase'
import { memberships, organizations } from './core'
import { createdAt, id, organizationId, updatedAt } from './helpers'

/*
 * The bell and the daily mail (seed 004 §13 メール通知). A notification is addressed to one member; what it says
 * is a message key plus values, translated when shown, so each reader gets their own language.
 */

export const notificationTopics = ['low_stock', 'long_unreturned', 'due', 'repairs', 'site_closed'] as const
export type NotificationTopic = (typeof notificationTopics)[number]

const inOrg = sql`organization_id = (select app.org_id())`
const own = sql`${inOrg} and user_id = (select app.user_id())`

export const notifications = pgTable(
  'notifications',
  {
    organizationId: organizationId(),
    id: id(),
    /** Who it is for. */
    userId: uuid('user_id').notNull(),
    topic: text('topic', { enum: notificationTopics }).notNull(),
    /** A key of the `notifications.kinds` messages (siteClosed, breakageReported, repairDone, dailyDigest…). */
    kind: text('kind').notNull(),
    /** Values for the message: names, codes, counts. */
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    /** Where a tap on it leads: a path on the company's host. */
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: 'notifications_pkey', columns: [t.organizationId, t.id] }),
    index('notifications_org_user_idx').on(t.organizationId, t.userId, t.createdAt.desc()),
    index('notifications_org_user_unread_idx').on(t.organizationId, t.userId).where(sql`${t.readAt} is null`),
    foreignKey({ name: 'notifications_org_fk', columns: [t.organizationId], foreignColumns: [organizations.id] }),
    foreignKey({ name: 'notifications_user_fk', columns: [t.organizationId, t.userId], foreignColumns: [memberships.organizationId, memberships.userId] }),
    check('notifications_topic_check', sql`${t.topic} in ('low_stock', 'long_unreturned', 'due', 'repairs', 'site_closed')`),
    check('notifications_link_is_path', sql`${t.link} is null or ${t.link} ~ '^/[^/]'`),
    check('notifications_params_object', sql`jsonb_typeof(${t.params}) = 'object'`),
    // Each member reads and marks their own; any member who acts (reports a breakage, closes a site) may tell others.
    pgPolicy('notifications_select', { for: 'select', to: authenticatedRole, using: own }),
    pgPolicy('notifications_insert', {
      for: 'insert',
      to: authenticatedRole,
      withCheck: sql`${inOrg} and (select app.has_role('owner', 'admin', 'leader', 'staff'))`,
    }),
    pgPolicy('notifications_update', { for: 'update', to: authenticatedRole, using: own, withCheck: own }),
    pgPolicy('notifications_delete', { for: 'delete', to: authenticatedRole, using: own }),
  ],
).enableRLS()

/** What a member wants, per topic: in the bell, by mail. Absent = the defaults for their role (lib/notifications/preferences.ts). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    organizationId: organizationId(),
    id: id(),
    userId: uuid('user_id').notNull(),
    topic: text('topic', { enum: notificationTopics }).notNull(),
    inApp: boolean('in_app').notNull(),
    email: boolean('email').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ name: 'notification_preferences_pkey', columns: [t.organizationId, t.id] }),
    uniqueIndex('notification_preferences_org_user_topic_key').on(t.organizationId, t.userId, t.topic),
    foreignKey({ name: 'notification_preferences_user_fk', columns: [t.organizationId, t.userId], foreignColumns: [memberships.organizationId, memberships.userId] }),
    check('notification_preferences_topic_check', sql`${t.topic} in ('low_stock', 'long_unreturned', 'due', 'repairs', 'site_closed')`),
    // Colleagues may read them (who to tell, and how); each member changes only their own.
    pgPolicy('notification_preferences_select', { for: 'select', to: authenticatedRole, using: inOrg }),
    pgPolicy('notification_preferences_insert', { for: 'insert', to: authenticatedRole, withCheck: own }),
    pgPolicy('notification_preferences_update', { for: 'update', to: authenticatedRole, using: own, withCheck: own }),
    pgPolicy('notification_preferences_delete', { for: 'delete', to: authenticatedRole, using: own }),
  ],
).enableRLS()
