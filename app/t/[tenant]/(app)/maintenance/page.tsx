import Link from 'next/link'
import { ArrowRight, ClipboardCheck, Hammer, Plus, Settings } from 'lucide-react'
import { getFormatter, getTranslations } from 'next-intl/server'
import { alertLinks } from '@/lib/alerts/links'
import { requireMember } from '@/lib/auth/member'
import { atLeast } from '@/lib/auth/roles'
import { withTenant } from '@/lib/db'
import { listInspections, listRepairs, listSchedules } from '@/lib/maintenance/queries'
import { repairListQuery } from '@/lib/maintenance/schemas'
import { getManagementSettings } from '@/lib/maintenance/settings'
import { todayIso } from '@/lib/validation'

export async function generateMetadata() {
  const t = await getTranslations('maintenance')
  return { title: t('title') }
}

const filters = ['open', 'reported', 'in_repair', 'done'] as const

/** 損耗・修理管理: repairs by status, inspection schedules with what is due, the latest inspections. */
export default async function MaintenancePage({ searchParams }: PageProps<'/t/[tenant]/maintenance'>) {
  const me = await requireMember()
  const sp = await searchParams
  const query = repairListQuery.parse({ status: typeof sp.status === 'string' ? sp.status : 'open' })
  const today = todayIso()
  const { repairs, schedules, inspections, settings } = await withTenant(me.ctx, async (tx) => {
    const settings = await getManagementSettings(tx)
    return {
      settings,
      repairs: await listRepairs(tx, query, 100),
      schedules: await listSchedules(tx, { today, soonDays: settings.dueSoonDays }),
      inspections: await listInspections(tx, { limit: 10 }),
    }
  })
  const [t, format] = await Promise.all([getTranslations('maintenance'), getFormatter()])
  const yen = (v: number) => format.number(v, { style: 'currency', currency: 'JPY' })
  const date = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00+09:00`), { dateStyle: 'medium' })
  const writer = atLeast(me.role, 'staff')

  return (
    <main className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        {atLeast(me.role, 'admin') ? (
          <Link href="/maintenance/settings" className="btn btn-secondary">
            <Settings aria-hidden className="size-5" />
            {t('settingsLink')}
          </Link>
        ) : null}
      </div>
      {writer ? (
        <div className="grid grid-cols-2 gap-3 sm:flex">
          <Link href="/maintenance/report" className="btn btn-accent">
            <Hammer aria-hidden className="size-5" />
            {t('report')}
          </Link>
          <Link href="/maintenance/inspect" className="btn btn-secondary">
            <ClipboardCheck aria-hidden className="size-5" />
            {t('inspect')}
          </Link>
        </div>
      ) : null}

      <section aria-labelledby="repairs-title" className="card">
        <h2 id="repairs-title" className="text-xl font-bold">
          {t('repairsTitle')}
        </h2>
        <nav aria-label={t('repairFilter')} className="mt-3 flex flex-wrap gap-2">
          {filters.map((f) => (
            <Link
              key={f}
              href={`/maintenance?status=${f}`}
              aria-current={query.status === f ? 'page' : undefined}
              className={`inline-flex min-h-12 items-center rounded-lg border-2 px-4 font-bold ${query.status === f ? 'border-ink bg-ink text-white' : 'border-gray-300 bg-white'}`}
            >
              {t(`filters.${f}`)}
            </Link>
          ))}
        </nav>
        {repairs.length === 0 ? <p className="mt-3 text-gray-700">{t('noRepairs')}</p> : null}
        <ul className="mt-3 divide-y divide-gray-200" data-testid="repairs">
          {repairs.map((r) => (
            <li key={r.id}>
              <Link href={`/maintenance/repairs/${r.id}`} className="flex min-h-12 flex-col gap-0.5 py-3 sm:flex-row sm:items-center sm:justify-between">
                <span>
                  <span className="font-mono text-lg font-bold">{r.toolCode}</span> <span className="font-bold">{r.toolName}</span>
                  <span className="block text-sm text-gray-700">
                    {r.problem} · {r.reporterName} · {format.dateTime(r.reportedAt, { dateStyle: 'medium' })}
                  </span>
                </span>
                <span className="flex items-center gap-2 text-sm">
                  {r.vendor ? <span>{r.vendor}</span> : null}
                  {r.cost !== null ? <span className="font-bold">{yen(r.cost)}</span> : null}
                  <StatusBadge status={r.status} label={t(`status.${r.status}`)} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="schedules-title" className="card">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="schedules-title" className="text-xl font-bold">
            {t('schedulesTitle')}
          </h2>
          {atLeast(me.role, 'leader') ? (
            <Link href="/maintenance/schedules" className="btn btn-secondary">
              <Plus aria-hidden className="size-5" />
              {t('manageSchedules')}
            </Link>
          ) : null}
        </div>
        {schedules.length === 0 ? <p className="mt-3 text-gray-700">{t('noSchedules')}</p> : null}
        <ul className="mt-3 divide-y divide-gray-200" data-testid="schedules">
          {schedules
            .filter((s) => s.isActive)
            .map((s) => (
              <li key={s.id} className="flex flex-col gap-1 py-3">
                <p className="font-bold">
                  {s.name}{' '}
                  <span className="text-sm font-normal text-gray-700">
                    {s.categoryName ? t('forCategory', { name: s.categoryName }) : t('forTool', { code: s.toolCode ?? '', name: s.toolName ?? '' })} ·{' '}
                    {t('every', { months: s.intervalMonths })}
                    {s.usesColor ? ` · ${t('withColor')}` : ''}
                  </span>
                </p>
                <p className="flex flex-wrap gap-x-4 text-sm">
                  <span>{t('coveredTools', { count: s.tools })}</span>
                  {s.overdue > 0 ? (
                    <Link href={alertLinks.due({ source: 'schedule', key: s.id }, 'overdue', today, settings.dueSoonDays)} className="inline-flex min-h-12 items-center gap-1 font-bold text-red-800 underline">
                      {t('overdue', { count: s.overdue })}
                      <ArrowRight aria-hidden className="size-4" />
                    </Link>
                  ) : null}
                  {s.soon > 0 ? (
                    <Link href={alertLinks.due({ source: 'schedule', key: s.id }, 'soon', today, settings.dueSoonDays)} className="inline-flex min-h-12 items-center gap-1 font-bold text-blue-800 underline">
                      {t('soon', { count: s.soon, days: settings.dueSoonDays })}
                      <ArrowRight aria-hidden className="size-4" />
                    </Link>
                  ) : null}
                </p>
              </li>
            ))}
        </ul>
      </section>

      <section aria-labelledby="inspections-title" className="card">
        <h2 id="inspections-title" className="text-xl font-bold">
          {t('recentInspections')}
        </h2>
        {inspections.length === 0 ? <p className="mt-3 text-gray-700">{t('noInspections')}</p> : null}
        <ul className="mt-3 divide-y divide-gray-200">
          {inspections.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <span className="font-mono font-bold">{i.toolCode}</span> {i.toolName}
                <span className="block text-sm text-gray-700">
                  {date(i.performedOn)} · {i.scheduleName ?? t('unscheduled')} · {i.inspectorName}
                  {i.color ? ` · ${t('colorTag', { color: i.color })}` : ''}
                </span>
              </span>
              <span className={`rounded px-2 py-0.5 text-sm font-bold ${i.result === 'pass' ? 'bg-green-100 text-green-900' : 'bg-red-100 text-red-900'}`}>
                {t(`result.${i.result}`)}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </main>
  )
}

function StatusBadge({ status, label }: { status: string; label: string }) {
  const tone = status === 'done' ? 'bg-green-100 text-green-900' : status === 'in_repair' ? 'bg-amber-100 text-amber-900' : 'bg-red-100 text-red-900'
  return <span className={`rounded px-2 py-0.5 font-bold ${tone}`}>{label}</span>
}
