'use server'

import { refresh } from 'next/cache'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { z } from 'zod'
import { requireMember } from '@/lib/auth/member'
import { withTenant } from '@/lib/db'
import { invalid } from '@/lib/http/action-results'
import { markRead, openNotification as open } from '@/lib/notifications/commands'
import { notificationTopics, preferencesInput, savePreferences } from '@/lib/notifications/preferences'
import { fail, ok, type Result } from '@/lib/result'
import { uuid } from '@/lib/validation'

const openInput = z.object({ id: uuid })

/** Opens a notification: marks it read and goes where it points. */
export async function openNotification(_previous: Result | null, formData: FormData): Promise<Result> {
  const me = await requireMember()
  const parsed = openInput.safeParse(Object.fromEntries(formData))
  if (!parsed.success) return invalid(parsed.error)
  const found = await withTenant(me.ctx, (tx) => open(tx, parsed.data.id))
  redirect(found?.link ?? '/notifications')
}

export async function markAllRead(): Promise<Result> {
  const me = await requireMember()
  await withTenant(me.ctx, (tx) => markRead(tx))
  refresh()
  return ok()
}

export async function savePreferencesAction(_previous: Result | null, formData: FormData): Promise<Result> {
  const me = await requireMember()
  // Unticked boxes are not sent: every topic is given, absent means off.
  const input = Object.fromEntries(notificationTopics.map((t) => [t, { inApp: formData.get(`${t}.inApp`) ?? 'false', email: formData.get(`${t}.email`) ?? 'false' }]))
  const parsed = preferencesInput.safeParse(input)
  if (!parsed.success) return invalid(parsed.error)
  const result = await withTenant(me.ctx, (tx) => savePreferences(tx, parsed.data))
  if (!result.ok) return fail(result.error.code, (await getTranslations('errors'))('FORBIDDEN'))
  refresh()
  return ok()
}
