import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Tx } from '../db'
import { notifications, type NotificationTopic } from '../db/schema'
import { ok, type Result } from '../result'
import { currentOrg, currentUser } from '../tenant-sql'
import { preferencesOf } from './preferences'

export interface NotificationInput {
  topic: NotificationTopic
  /** A key of the `notifications.kinds` messages. */
  kind: string
  params?: Record<string, string | number>
  /** A path on the company's host. */
  link?: string | null
}

/**
 * Puts a notification in the bell of each member given who wants this topic there (their preferences);
 * returns who got it. Inserted without RETURNING: the sender may not read other members' notifications.
 */
export async function notify(tx: Tx, userIds: string[], input: NotificationInput): Promise<string[]> {
  const unique = [...new Set(userIds)]
  if (!unique.length) return []
  const prefs = await preferencesOf(tx, unique)
  const to = unique.filter((id) => prefs.get(id)?.preferences[input.topic].inApp)
  if (!to.length) return []
  await tx.insert(notifications).values(
    to.map((userId) => ({ organizationId: currentOrg(), userId, topic: input.topic, kind: input.kind, params: input.params ?? {}, link: input.link ?? null })),
  )
  return to
}

/** Marks the signed-in member's notifications read: the ones given, or all. */
export async function markRead(tx: Tx, input: { ids?: string[] } = {}): Promise<Result<{ count: number }>> {
  const done = await tx
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, currentUser()), isNull(notifications.readAt), input.ids ? inArray(notifications.id, input.ids.length ? input.ids : ['00000000-0000-0000-0000-000000000000']) : undefined))
    .returning({ id: notifications.id })
  return ok({ count: done.length })
}

/** Opens one of the signed-in member's notifications: marks it read and gives the link stored with it (never one sent back by the browser). */
export async function openNotification(tx: Tx, id: string): Promise<{ link: string | null } | null> {
  await markRead(tx, { ids: [id] })
  const [found] = await tx
    .select({ link: notifications.link })
    .from(notifications)
    .where(and(eq(notifications.userId, currentUser()), eq(notifications.id, id)))
  return found ?? null
}
