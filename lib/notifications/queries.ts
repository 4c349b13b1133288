import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm'
import type { Tx } from '../db'
import { notifications } from '../db/schema'
import { currentUser } from '../tenant-sql'

/** How many of the signed-in member's notifications are unread (the bell's badge). */
export async function unreadCount(tx: Tx): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, currentUser()), isNull(notifications.readAt)))
  return Number(r?.n ?? 0)
}

/** The signed-in member's notifications, newest first, a page at a time (before = the oldest createdAt seen). */
export async function listNotifications(tx: Tx, params: { limit?: number; before?: Date } = {}) {
  return tx
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, currentUser()), params.before ? lt(notifications.createdAt, params.before) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(params.limit ?? 50)
}

export type NotificationItem = Awaited<ReturnType<typeof listNotifications>>[number]
