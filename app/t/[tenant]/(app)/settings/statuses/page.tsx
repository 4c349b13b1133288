import { getTranslations } from 'next-intl/server'
import { PageHeader } from '@/components/page-header'
import { StatusBadge } from '@/components/status-badge'
import { requireMember } from '@/lib/auth/member'
import { atLeast } from '@/lib/auth/roles'
import { withTenant } from '@/lib/db'
import { listToolStatuses } from '@/lib/tool-statuses/queries'
import { builtInStatuses } from '@/lib/tool-statuses/schemas'
import { SettingsBack } from '../back-link'
import { StatusActiveToggle, StatusCreateForm } from './status-forms'

export async function generateMetadata() {
  const t = await getTranslations('settings')
  return { title: t('statuses.title') }
}

export default async function StatusesPage() {
  const member = await requireMember()
  const statuses = await withTenant(member.ctx, (tx) => listToolStatuses(tx, { includeInactive: true }))
  const [t, ts] = await Promise.all([getTranslations('settings'), getTranslations('toolStatuses')])
  const canManage = atLeast(member.role, 'admin')
  return (
    <main className="flex flex-col gap-6">
      <PageHeader back={<SettingsBack />} title={t('statuses.title')} lead={t('statuses.lead')} />
      <section className="card flex flex-col gap-3" aria-labelledby="builtin">
        <h2 id="builtin" className="text-lg font-bold">
          {t('statuses.builtIn')}
        </h2>
        <ul className="flex flex-wrap gap-2">
          {builtInStatuses.map((s) => (
            <li key={s.key}>
              <StatusBadge label={ts(`builtIn.${s.key}`)} color={s.color} large />
            </li>
          ))}
        </ul>
        <p className="text-sm text-gray-700">{t('statuses.builtInHint')}</p>
      </section>
      {canManage ? <StatusCreateForm /> : <p className="card">{t('readOnly')}</p>}
      <section className="card flex flex-col gap-3" aria-labelledby="company">
        <h2 id="company" className="text-lg font-bold">
          {t('statuses.company')}
        </h2>
        {statuses.length === 0 ? <p className="text-gray-700">{t('statuses.none')}</p> : null}
        <ul className="flex flex-col gap-2">
          {statuses.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center gap-3">
              <StatusBadge label={s.label} color={s.color} large />
              <span className="text-sm text-gray-700">{t('statuses.counts', { base: ts(`builtIn.${s.baseStatus}`) })}</span>
              {s.isActive ? null : <span className="rounded bg-gray-700 px-2 py-0.5 text-sm text-white">{t('statuses.inactive')}</span>}
              {canManage ? <StatusActiveToggle id={s.id} label={s.label} isActive={s.isActive} /> : null}
            </li>
          ))}
        </ul>
      </section>
    </main>
  )
}
