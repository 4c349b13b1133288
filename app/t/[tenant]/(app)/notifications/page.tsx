import Link from 'next/link'
import { getFormatter, getTranslations } from 'next-intl/server'
import { ActionForm } from '@/components/action-form'
import { requireMember } from '@/lib/auth/member'
import { withTenant } from '@/lib/db'
import { listNotifications } from '@/lib/notifications/queries'
import { markAllRead, openNotification } from './actions'

export async function generateMetadata() {
  const t = await getTranslations('notifications')
  return { title: t('title') }
}

const kinds = ['breakageReported', 'repairDone', 'siteClosed', 'returnRequested'] as const

/** The bell's list: newest first, unread in bold; opening one marks it read. */
export default async function NotificationsPage({ searchParams }: PageProps<'/t/[tenant]/notifications'>) {
  const me = await requireMember()
  const before = (await searchParams).before
  const at = typeof before === 'string' && !Number.isNaN(Date.parse(before)) ? new Date(before) : undefined
  const items = await withTenant(me.ctx, (tx) => listNotifications(tx, { limit: 30, before: at }))
  const [t, format] = await Promise.all([getTranslations('notifications'), getFormatter()])
  const text = (kind: string, params: Record<string, string | number>) =>
    (kinds as readonly string[]).includes(kind) ? t(`kinds.${kind as (typeof kinds)[number]}`, params as never) : kind
  const unread = items.some((i) => !i.readAt)
  return (
    <main className="mx-auto flex w-full max-w-2xl flex-col gap-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <div className="flex flex-wrap gap-2">
          {unread ? (
            <ActionForm action={markAllRead}>
              <button type="submit" className="btn btn-secondary">
                {t('markAllRead')}
              </button>
            </ActionForm>
          ) : null}
          <Link href="/notifications/settings" className="btn btn-secondary">
            {t('settingsLink')}
          </Link>
        </div>
      </div>
      {items.length === 0 ? <p className="text-gray-700">{t('empty')}</p> : null}
      <ul className="card divide-y divide-gray-200 p-0" data-testid="notifications">
        {items.map((n) => (
          <li key={n.id}>
            <ActionForm action={openNotification} hidden={{ id: n.id }}>
              <button type="submit" className={`flex min-h-14 w-full flex-col items-start gap-0.5 px-4 py-3 text-left hover:bg-gray-50 ${n.readAt ? '' : 'bg-brand-50'}`}>
                <span className={n.readAt ? '' : 'font-bold'}>
                  {!n.readAt ? <span className="mr-2 rounded bg-red-700 px-1.5 py-0.5 text-xs font-bold text-white">{t('unread')}</span> : null}
                  {text(n.kind, n.params)}
                </span>
                <span className="text-sm text-gray-700">{format.dateTime(n.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</span>
              </button>
            </ActionForm>
          </li>
        ))}
      </ul>
      {items.length === 30 ? (
        <Link href={`/notifications?before=${encodeURIComponent(items.at(-1)!.createdAt.toISOString())}`} className="btn btn-secondary self-center">
          {t('older')}
        </Link>
      ) : null}
    </main>
  )
}
