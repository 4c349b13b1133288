import { getFormatter, getTranslations } from 'next-intl/server'
import { AccountTabs } from '@/components/account-tabs'
import { ActionForm } from '@/components/action-form'
import { requireMember } from '@/lib/auth/member'
import { withTenant } from '@/lib/db'
import { listMySessions } from '@/lib/profile/commands'
import { endSession } from '../actions'

export async function generateMetadata() {
  const t = await getTranslations('account')
  return { title: t('sessionsTab') }
}

export default async function SessionsPage() {
  const me = await requireMember()
  const list = await withTenant(me.ctx, (tx) => listMySessions(tx))
  const [t, format] = await Promise.all([getTranslations('account'), getFormatter()])
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <main className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <AccountTabs current="/account/sessions" />
      <section className="card max-w-2xl" aria-labelledby="sessions-title">
        <h2 id="sessions-title" className="text-xl font-bold">
          {t('sessionsTitle')}
        </h2>
        <p className="mt-1 text-gray-700">{t('sessionsLead', { company: me.tenant.name })}</p>
        <ul className="mt-3 divide-y divide-gray-200">
          {list.map((s) => {
            const current = s.id === me.session.sessionId
            return (
              <li key={s.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between" data-testid="session-row">
                <div className="min-w-0">
                  <p className="truncate font-bold">
                    {s.userAgent ?? t('unknownDevice')} {current ? <span className="rounded bg-green-100 px-2 py-0.5 text-sm text-green-900">{t('thisDevice')}</span> : null}
                  </p>
                  <p className="text-sm text-gray-700">
                    {t('lastSeen', { when: when(s.lastSeenAt) })} · {t('signedInAt', { when: when(s.createdAt) })}
                    {s.ipAddress ? ` · ${s.ipAddress}` : ''}
                  </p>
                </div>
                <ActionForm action={endSession} hidden={{ sessionId: s.id }}>
                  <button type="submit" className="btn btn-secondary">
                    {current ? t('signOutHere') : t('endSession')}
                  </button>
                </ActionForm>
              </li>
            )
          })}
        </ul>
      </section>
    </main>
  )
}
