import { getTranslations } from 'next-intl/server'
import { requireMember } from '@/lib/auth/member'
import { withTenant } from '@/lib/db'
import { mailRoute } from '@/lib/mail/send'
import { digestTopics, notificationTopics, preferencesOf } from '@/lib/notifications/preferences'
import { savePreferencesAction } from '../actions'
import { PreferencesForm } from './preferences-form'

export async function generateMetadata() {
  const t = await getTranslations('notifications.settings')
  return { title: t('title') }
}

/** Each member chooses, per topic, the bell and the mail. */
export default async function NotificationSettingsPage() {
  const me = await requireMember()
  const mine = await withTenant(me.ctx, async (tx) => (await preferencesOf(tx, [me.ctx.userId])).get(me.ctx.userId))
  const t = await getTranslations('notifications')
  const rows = notificationTopics.map((topic) => ({
    topic,
    label: t(`topics.${topic}`),
    // Alert topics show on the dashboard; the bell carries events (repairs, closed sites).
    bell: !(digestTopics as readonly string[]).includes(topic) || topic === 'repairs',
    inApp: mine?.preferences[topic].inApp ?? true,
    email: mine?.preferences[topic].email ?? false,
  }))
  return (
    <main className="mx-auto flex w-full max-w-2xl flex-col gap-5">
      <h1 className="text-2xl font-bold">{t('settings.title')}</h1>
      <p className="text-gray-700">{t('settings.lead')}</p>
      {mailRoute() === 'dropped' ? (
        <p role="note" className="rounded-lg border-2 border-amber-600 bg-amber-50 p-3">
          {t('settings.noSmtp')}
        </p>
      ) : null}
      <PreferencesForm rows={rows} action={savePreferencesAction} />
    </main>
  )
}
