import Link from 'next/link'
import { AlertTriangle, ArrowRight, CalendarClock, CheckCircle2, ClipboardCheck, Hammer, MapPin, PackageMinus, Truck, Wrench } from 'lucide-react'
import { getFormatter, getTranslations } from 'next-intl/server'
import { alertLinks } from '@/lib/alerts/links'
import type { DueGroup } from '@/lib/alerts/queries'
import { requireMember } from '@/lib/auth/member'
import { atLeast } from '@/lib/auth/roles'
import { companyCached } from '@/lib/dashboard/cache'
import { dashboard } from '@/lib/dashboard/queries'
import { withTenant } from '@/lib/db'
import { getManagementSettings, inspectionColor } from '@/lib/maintenance/settings'
import { requireTenant } from '@/lib/tenancy/current'
import { todayIso } from '@/lib/validation'
import { formatDate } from '@/components/format'

export async function generateMetadata() {
  const t = await getTranslations('dashboard')
  return { title: t('title') }
}

/** The busiest sites are listed; the rest are a link away (a phone scrolls less, the page stays small). */
const SITES_SHOWN = 8

/** The home screen (seed 004 §6.1): what is where, what is short, overdue or in repair, and the latest moves. */
export default async function TenantHome({ params }: PageProps<'/t/[tenant]'>) {
  await requireTenant(params)
  const me = await requireMember()
  const today = todayIso()
  const { board, settings } = await withTenant(me.ctx, async (tx) => {
    const settings = await getManagementSettings(tx)
    const key = `${today}|${settings.longUnreturnedDays}|${settings.dueSoonDays}`
    return { settings, board: await dashboard(tx, { today, settings, limit: 3 }, (load) => companyCached(me.tenant.id, key, load)) }
  })
  const [t, ts, format] = await Promise.all([getTranslations('dashboard'), getTranslations('toolStatuses'), getFormatter()])
  const n = (v: number) => format.number(v)
  const { summary, alerts } = board
  const color = inspectionColor(settings, today)
  const leader = atLeast(me.role, 'leader')
  const writer = atLeast(me.role, 'staff')
  const plan = (['basic', 'premium', 'enterprise'] as const).find((p) => p === board.company.plan) ?? 'basic'

  return (
    <main className="flex flex-col gap-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t('title')}</h1>
          <p className="mt-1 text-gray-700">
            <span className="font-bold text-ink">{board.company.name}</span>{' '}
            <span className="rounded bg-brand-100 px-2 py-0.5 text-sm font-bold" data-testid="plan">
              {t(`plans.${plan}`)}
            </span>
          </p>
        </div>
        <p className="flex items-center gap-2 text-sm font-bold" data-testid="month-color">
          {t('monthColor')}
          <span aria-hidden className="inline-block size-6 rounded border-2 border-gray-500" style={{ background: color.hex }} />
          <span className="text-base">{color.name}</span>
        </p>
      </header>

      {writer ? (
        <nav aria-label={t('quickActions')} className="grid grid-cols-2 gap-3 sm:flex">
          <Link href="/maintenance/report" className="btn btn-accent">
            <Hammer aria-hidden className="size-5" />
            {t('reportBreakage')}
          </Link>
          <Link href="/maintenance/inspect" className="btn btn-secondary">
            <ClipboardCheck aria-hidden className="size-5" />
            {t('recordInspection')}
          </Link>
        </nav>
      ) : null}

      <section aria-labelledby="summary-title" className="flex flex-col gap-3">
        <h2 id="summary-title" className="text-xl font-bold">
          {t('summary')}
        </h2>
        <div className="grid grid-cols-3 gap-3" data-testid="summary">
          {[
            { label: t('total'), value: summary.tools, href: '/tools' },
            { label: t('onSites'), value: summary.toolsOnSites, href: null },
            { label: t('inWarehouses'), value: summary.toolsInWarehouses, href: null },
          ].map((c) => (
            <div key={c.label} className="card flex flex-col items-center p-3 text-center">
              <span className="text-sm font-bold text-gray-700">{c.label}</span>
              <span className="text-3xl font-bold tabular-nums">{n(c.value)}</span>
              <span className="text-sm text-gray-700">{t('toolsUnit')}</span>
            </div>
          ))}
        </div>
        <p className="text-sm text-gray-700">
          {t('stockLine', { items: n(summary.stockItems), onSites: n(summary.unitsOnSites), inWarehouses: n(summary.unitsInWarehouses) })}
          {summary.toolsOut > 0 ? <> · {t('outOfOrder', { count: summary.toolsOut })}</> : null}
        </p>
      </section>

      <section aria-labelledby="alerts-title" className="card flex flex-col gap-4">
        <h2 id="alerts-title" className="flex items-center gap-2 text-xl font-bold">
          <AlertTriangle aria-hidden className="size-6 text-red-700" />
          {t('alerts')}
        </h2>
        <ul className="flex flex-col divide-y divide-gray-200">
          <Alert
            testId="alert-low-stock"
            icon={<PackageMinus aria-hidden className="size-6" />}
            title={t('lowStock', { count: alerts.lowStock.count })}
            none={t('lowStockNone')}
            count={alerts.lowStock.count}
            href={alertLinks.lowStock()}
            more={t('seeAll')}
            items={alerts.lowStock.items.map((i) => ({
              key: i.id,
              code: i.toolCode,
              text: i.name,
              note: t('remaining', { quantity: n(i.quantity), unit: i.unit ?? '', threshold: n(i.threshold) }),
            }))}
          />
          <Alert
            testId="alert-unreturned"
            icon={<Truck aria-hidden className="size-6" />}
            title={t('longUnreturned', { count: alerts.longUnreturned.count, days: settings.longUnreturnedDays })}
            none={t('longUnreturnedNone', { days: settings.longUnreturnedDays })}
            count={alerts.longUnreturned.count}
            href={alertLinks.longUnreturned(settings.longUnreturnedDays)}
            more={t('seeAll')}
            items={alerts.longUnreturned.items.map((i) => ({
              key: i.id,
              code: i.toolCode,
              text: i.name,
              note: t('unreturnedNote', { site: i.locationName, holder: i.holderName ?? '—', days: i.days }),
            }))}
          />
          {alerts.due.map((g) => (
            <DueAlert key={`${g.source}:${g.key}`} group={g} today={today} soonDays={settings.dueSoonDays} />
          ))}
          {alerts.due.length === 0 ? (
            <li className="flex items-center gap-2 py-3 text-green-800">
              <CheckCircle2 aria-hidden className="size-5" />
              {t('dueNone')}
            </li>
          ) : null}
          <Alert
            testId="alert-repairs"
            icon={<Wrench aria-hidden className="size-6" />}
            title={t('repairs', { reported: alerts.repairs.reported, inRepair: alerts.repairs.inRepair })}
            none={t('repairsNone')}
            count={alerts.repairs.reported + alerts.repairs.inRepair}
            href={alertLinks.repairs()}
            more={t('seeAll')}
            items={alerts.repairs.items.map((i) => ({ key: i.id, code: i.toolCode, text: i.toolName, note: ts(`builtIn.${i.status === 'reported' ? 'broken' : 'repair'}`) }))}
          />
        </ul>
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="moves-title" className="card">
          <h2 id="moves-title" className="text-xl font-bold">
            {t('latestMoves')}
          </h2>
          {board.moves.length === 0 ? <p className="mt-2 text-gray-700">{t('noMoves')}</p> : null}
          <ol className="mt-2 divide-y divide-gray-200" data-testid="latest-moves">
            {board.moves.map((m) => (
              <li key={m.id} className="flex flex-col py-2">
                <span className="text-sm text-gray-700">
                  {format.dateTime(m.movedAt, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' })} · {m.userName} ·{' '}
                  {t(`moveTypes.${m.type}`)}
                </span>
                <span>
                  <span className="font-mono font-bold">{m.toolCode}</span> {m.toolName}
                  {m.quantity > 1 || m.unit ? ` ×${n(m.quantity)}${m.unit ?? ''}` : ''} → {m.toName ?? t('consumed')}
                </span>
              </li>
            ))}
          </ol>
          <Link href="/movements" className="mt-2 inline-flex min-h-12 items-center gap-1 font-bold text-blue-800 underline">
            {t('allMoves')}
            <ArrowRight aria-hidden className="size-4" />
          </Link>
        </section>

        <section aria-labelledby="sites-title" className="card">
          <h2 id="sites-title" className="flex items-center gap-2 text-xl font-bold">
            <MapPin aria-hidden className="size-6" />
            {t('sites')}
          </h2>
          {board.sites.length === 0 ? <p className="mt-2 text-gray-700">{t('noSites')}</p> : null}
          <ul className="mt-2 divide-y divide-gray-200" data-testid="sites">
            {board.sites.slice(0, SITES_SHOWN).map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <Link href={alertLinks.site(s.id)} className="min-h-12 min-w-0 flex-1 py-1">
                  <span className="block font-bold underline">{s.name}</span>
                  <span className="block text-sm text-gray-700">
                    {t('siteLine', { tools: n(s.tools), units: n(s.units) })}
                    {s.longestDays !== null && s.longestDays >= settings.longUnreturnedDays ? (
                      <span className="font-bold text-red-800"> · {t('siteLongest', { days: s.longestDays })}</span>
                    ) : null}
                    {s.endsOn ? <> · {t('siteEnds', { date: format.dateTime(new Date(`${s.endsOn}T00:00:00+09:00`), { dateStyle: 'medium' }) })}</> : null}
                  </span>
                </Link>
                {leader ? (
                  <Link href={`/sites/${s.id}/close`} className="btn btn-secondary min-h-12 px-3 text-sm">
                    {t('closeOut')}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
          {board.sites.length > SITES_SHOWN ? (
            <Link href="/locations?type=site" className="mt-2 inline-flex min-h-12 items-center gap-1 font-bold text-blue-800 underline">
              {t('moreSites', { count: board.sites.length - SITES_SHOWN })}
              <ArrowRight aria-hidden className="size-4" />
            </Link>
          ) : null}
        </section>
      </div>
    </main>
  )
}

interface AlertItem {
  key: string
  code: string
  text: string
  note: string
}

function Alert(props: { testId: string; icon: React.ReactNode; title: string; none: string; count: number; href: string; more: string; items: AlertItem[] }) {
  if (props.count === 0) {
    return (
      <li className="flex items-center gap-2 py-3 text-green-800" data-testid={props.testId}>
        <CheckCircle2 aria-hidden className="size-5" />
        {props.none}
      </li>
    )
  }
  return (
    <li className="flex flex-col gap-1 py-3" data-testid={props.testId}>
      <p className="flex items-center gap-2 text-lg font-bold text-red-800">
        {props.icon}
        {props.title}
      </p>
      <ul className="flex flex-col gap-0.5 pl-8">
        {props.items.map((i) => (
          <li key={i.key}>
            <span className="font-mono font-bold">{i.code}</span> {i.text} <span className="text-sm text-gray-700">{i.note}</span>
          </li>
        ))}
      </ul>
      <Link href={props.href} className="inline-flex min-h-12 items-center gap-1 self-start pl-8 font-bold text-blue-800 underline">
        {props.more}
        <ArrowRight aria-hidden className="size-4" />
      </Link>
    </li>
  )
}

async function DueAlert({ group, today, soonDays }: { group: DueGroup; today: string; soonDays: number }) {
  const [t, format] = await Promise.all([getTranslations('dashboard'), getFormatter()])
  const testId = `alert-due-${group.source}-${group.key}`
  return (
    <li className="flex flex-col gap-1 py-3" data-testid={testId}>
      <p className={`flex items-center gap-2 text-lg font-bold ${group.overdue ? 'text-red-800' : 'text-amber-800'}`}>
        <CalendarClock aria-hidden className="size-6" />
        {group.label}
      </p>
      <ul className="flex flex-col gap-0.5 pl-8">
        {group.items.map((i) => (
          <li key={i.id}>
            <span className="font-mono font-bold">{i.toolCode}</span> {i.name}{' '}
            <span className={`text-sm ${i.dueOn < today ? 'font-bold text-red-800' : 'text-gray-700'}`}>{t(i.dueOn < today ? 'overdueOn' : 'dueOn', { date: formatDate(format, i.dueOn) ?? i.dueOn })}</span>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-x-4 pl-8">
        {group.overdue > 0 ? (
          <Link href={alertLinks.due(group, 'overdue', today, soonDays)} className="inline-flex min-h-12 items-center gap-1 font-bold text-red-800 underline">
            {t('overdue', { count: group.overdue })}
            <ArrowRight aria-hidden className="size-4" />
          </Link>
        ) : null}
        {group.soon > 0 ? (
          <Link href={alertLinks.due(group, 'soon', today, soonDays)} className="inline-flex min-h-12 items-center gap-1 font-bold text-blue-800 underline">
            {t('dueSoon', { count: group.soon, days: soonDays })}
            <ArrowRight aria-hidden className="size-4" />
          </Link>
        ) : null}
      </div>
    </li>
  )
}
