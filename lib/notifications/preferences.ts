import { and, eq, inArray } from 'drizzle-orm'
import { z } from 'zod'
import type { Tx } from '../db'
import { memberships, notificationPreferences, notificationTopics, type NotificationTopic } from '../db/schema'
import type { Role } from '../db/schema/helpers'
import { fail, ok, parseInput, type Result } from '../result'
import { currentOrg, currentUser } from '../tenant-sql'
import { checkbox } from '../validation'

export { notificationTopics, type NotificationTopic } from '../db/schema'

export interface Channels {
  inApp: boolean
  email: boolean
}
export type Preferences = Record<NotificationTopic, Channels>

/** Topics of the daily mail (alerts); repairs and closed sites are told as they happen. */
export const digestTopics = ['low_stock', 'long_unreturned', 'due', 'repairs'] as const satisfies readonly NotificationTopic[]

/**
 * What a member gets until they choose: everything in the bell; by mail, owners and admins the alerts and repairs,
 * leaders what is overdue or unreturned, everyone the request to return tools from a closed site.
 */
export function defaultPreferences(role: Role): Preferences {
  const mail: Record<Role, NotificationTopic[]> = {
    owner: ['low_stock', 'long_unreturned', 'due', 'repairs', 'site_closed'],
    admin: ['low_stock', 'long_unreturned', 'due', 'repairs', 'site_closed'],
    leader: ['long_unreturned', 'due', 'site_closed'],
    staff: ['site_closed'],
    viewer: [],
  }
  return Object.fromEntries(notificationTopics.map((t) => [t, { inApp: true, email: mail[role].includes(t) }])) as Preferences
}

/** Each member's preferences (defaults for their role, overridden by what they saved), for the given members or all. */
export async function preferencesOf(tx: Tx, userIds?: string[]): Promise<Map<string, { role: Role; preferences: Preferences }>> {
  const members = await tx
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.isActive, true), userIds ? inArray(memberships.userId, userIds.length ? userIds : ['00000000-0000-0000-0000-000000000000']) : undefined))
  const saved = members.length
    ? await tx
        .select()
        .from(notificationPreferences)
        .where(inArray(notificationPreferences.userId, members.map((m) => m.userId)))
    : []
  const out = new Map<string, { role: Role; preferences: Preferences }>()
  for (const m of members) out.set(m.userId, { role: m.role, preferences: defaultPreferences(m.role) })
  for (const s of saved) {
    const entry = out.get(s.userId)
    if (entry) entry.preferences[s.topic] = { inApp: s.inApp, email: s.email }
  }
  return out
}

export const preferencesInput = z.partialRecord(z.enum(notificationTopics), z.object({ inApp: checkbox, email: checkbox }).partial())
export type PreferencesInput = z.input<typeof preferencesInput>

/** Saves the signed-in member's own choices for the topics given (others keep theirs). */
export async function savePreferences(tx: Tx, input: PreferencesInput): Promise<Result<Preferences>> {
  const parsed = parseInput(preferencesInput, input)
  if (!parsed.ok) return parsed
  const [me] = await tx.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.userId, currentUser()))
  const mine = (await preferencesOf(tx, me ? [me.userId] : [])).get(me?.userId ?? '')
  if (!me || !mine) return fail('FORBIDDEN')
  for (const [topic, channels] of Object.entries(parsed.data) as [NotificationTopic, Partial<Channels>][]) {
    const next = { inApp: channels.inApp ?? false, email: channels.email ?? false }
    mine.preferences[topic] = next
    await tx
      .insert(notificationPreferences)
      .values({ organizationId: currentOrg(), userId: me.userId, topic, ...next })
      .onConflictDoUpdate({ target: [notificationPreferences.organizationId, notificationPreferences.userId, notificationPreferences.topic], set: next })
  }
  return ok(mine.preferences)
}
