import Link from 'next/link'
import { Download, Lock } from 'lucide-react'
import { getFormatter, getTranslations } from 'next-intl/server'
import { HorizontalBars } from '@/components/charts/horizontal-bars'
import { StackedBars } from '@/components/charts/stacked-bars'
import { requireMember } from '@/lib/auth/member'
import { costsByCategory, toolCosts } from '@/lib/costs/analysis'
import { withTenant } from '@/lib/db'
import { movementTypes } from '@/lib/db/schema/movements'
import { companyFeatures } from '@/lib/features'
import { getManagementSettings } from '@/lib/maintenance/settings'
import { movesByMonth, parseReportPeriod, toolDaysBySite, utilisationByCategory, type ReportPeriod } from '@/lib/reports/queries'
import { todayIso } from '@/lib/validation'

export async function generateMetadata() {
  const t = await getTranslations('reports')
  return { title: t('title') }
}

const views = ['moves', 'site-days', 'utilisation', 'costs'] as const
type View = (typeof views)[number]
const typeColors = { checkout: '#d97706', checkin: '#1d4ed8', transfer: '#0f766e', consume: '#9ca3af' } as const

/** Reports (seed 004 §13): moves over time, tool-days per site, use per category, costs and book values; CSV for each. */
export default async function ReportsPage({ searchParams }: PageProps<'/t/[tenant]/reports'>) {
  const me = await requireMember()
  const sp = await searchParams
  const view: View = views.find((v) => v === sp.view) ?? 'moves'
  const period = parseReportPeriod({ from: sp.from, to: sp.to })
  const today = todayIso()
  const data = await withTenant(me.ctx, async (tx) => {
    const features = await companyFeatures(tx)
    if (view === 'moves') return { features, view, moves: await movesByMonth(tx, period) } as const
    if (view === 'site-days') return { features, view, sites: await toolDaysBySite(tx, period) } as const
    if (view === 'utilisation') return { features, view, categories: await utilisationByCategory(tx, period) } as const
    if (!features.cost_analysis) return { features, view, costs: null } as const
    const settings = await getManagementSettings(tx)
    return { features, view, settings, costs: await toolCosts(tx, settings, today) } as const
  })
  const [t, format] = await Promise.all([getTranslations('reports'), getFormatter()])
  const n = (v: number) => format.number(v)
  const query = (extra: Record<string, string>) => new URLSearchParams({ view, from: period.from, to: period.to, ...extra }).toString()
  const charts = data.features.charts
  const shortMonth = (m: string) => format.dateTime(new Date(`${m}-15T00:00:00Z`), { month: 'short', timeZone: 'UTC' })

  return (
    <main className="flex flex-col gap-5">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <nav aria-label={t('views')} className="flex flex-wrap gap-2">
        {views.map((v) => (
          <Link
            key={v}
            href={`/reports?${new URLSearchParams({ view: v, from: period.from, to: period.to })}`}
            aria-current={v === view ? 'page' : undefined}
            className={`inline-flex min-h-12 items-center rounded-lg border-2 px-4 font-bold ${v === view ? 'border-ink bg-ink text-white' : 'border-gray-300 bg-white'}`}
          >
            {t(`viewNames.${v}`)}
            {v === 'costs' && !data.features.cost_analysis ? <Lock aria-hidden className="ml-1 size-4" /> : null}
          </Link>
        ))}
      </nav>
      {view !== 'costs' ? <PeriodForm view={view} period={period} labels={{ from: t('from'), to: t('to'), show: t('show') }} /> : null}
      {!charts && view !== 'costs' ? (
        <p role="note" className="rounded-lg border-2 border-amber-600 bg-amber-50 p-3" data-testid="charts-premium">
          {t('chartsPremium')}
        </p>
      ) : null}

      {data.view === 'moves' ? (
        <section className="card flex flex-col gap-4" aria-labelledby="moves-title">
          <h2 id="moves-title" className="text-xl font-bold">
            {t('movesTitle')}
          </h2>
          {charts ? (
            <StackedBars
              title={t('movesTitle')}
              labels={data.moves.map((m) => shortMonth(m.month))}
              series={movementTypes.map((k) => ({ key: k, label: t(`types.${k}`), color: typeColors[k], values: data.moves.map((m) => m.counts[k]) }))}
              format={(v) => n(Math.round(v))}
            />
          ) : null}
          <Table
            head={[t('month'), ...movementTypes.map((k) => t(`types.${k}`)), t('total')]}
            rows={data.moves.map((m) => [m.month, ...movementTypes.map((k) => n(m.counts[k])), n(m.total)])}
          />
        </section>
      ) : null}

      {data.view === 'site-days' ? (
        <section className="card flex flex-col gap-4" aria-labelledby="days-title">
          <h2 id="days-title" className="text-xl font-bold">
            {t('siteDaysTitle')}
          </h2>
          <p className="text-sm text-gray-700">{t('siteDaysLead')}</p>
          {charts && data.sites.length ? (
            <HorizontalBars title={t('siteDaysTitle')} items={data.sites.map((s) => ({ key: s.locationId, label: s.name, value: s.total, display: t('days', { days: n(s.total) }) }))} />
          ) : null}
          {data.sites.length === 0 ? <p className="text-gray-700">{t('noData')}</p> : null}
          <Table head={[t('site'), ...period.months.map(shortMonth), t('total')]} rows={data.sites.map((s) => [s.name, ...period.months.map((m) => n(s.days[m] ?? 0)), n(s.total)])} />
        </section>
      ) : null}

      {data.view === 'utilisation' ? (
        <section className="card flex flex-col gap-4" aria-labelledby="use-title">
          <h2 id="use-title" className="text-xl font-bold">
            {t('utilisationTitle')}
          </h2>
          <p className="text-sm text-gray-700">{t('utilisationLead')}</p>
          {charts ? (
            <HorizontalBars
              title={t('utilisationTitle')}
              max={1}
              color="#0f766e"
              items={data.categories.map((c) => ({ key: c.categoryId, label: c.name, value: c.share, display: format.number(c.share, { style: 'percent', maximumFractionDigits: 1 }) }))}
            />
          ) : null}
          <Table
            head={[t('category'), t('tools'), t('siteDays'), t('share')]}
            rows={data.categories.map((c) => [c.name, n(c.tools), n(c.siteDays), format.number(c.share, { style: 'percent', maximumFractionDigits: 1 })])}
          />
        </section>
      ) : null}

      {data.view === 'costs' && !data.costs ? (
        <section className="card" data-testid="costs-premium">
          <h2 className="flex items-center gap-2 text-xl font-bold">
            <Lock aria-hidden className="size-5" />
            {t('costsTitle')}
          </h2>
          <p className="mt-2">{t('premiumOnly')}</p>
        </section>
      ) : null}

      {data.view === 'costs' && data.costs ? <Costs costs={data.costs} settings={data.settings} charts={charts} /> : null}

      {data.view !== 'costs' || data.costs ? (
        <p className="flex flex-wrap gap-3">
          <a href={`/reports/csv?${query({ encoding: 'utf-8' })}`} className="btn btn-secondary" download>
            <Download aria-hidden className="size-5" />
            {t('csv')}
          </a>
          <a href={`/reports/csv?${query({ encoding: 'shift_jis' })}`} className="btn btn-secondary" download>
            <Download aria-hidden className="size-5" />
            {t('csvExcel')}
          </a>
        </p>
      ) : null}
    </main>
  )
}

/** Cost analysis (premium): totals, per category, and the tools that cost most in repairs. */
async function Costs({ costs, settings, charts }: { costs: Awaited<ReturnType<typeof toolCosts>>; settings: { depreciationMethod: string; fiscalYearEndMonth: number }; charts: boolean }) {
  const [t, format] = await Promise.all([getTranslations('reports'), getFormatter()])
  const n = (v: number) => format.number(v)
  const yen = (v: number) => format.number(v, { style: 'currency', currency: 'JPY' })
  const { categories, total } = costsByCategory(costs)
  const top = [...costs].sort((a, b) => b.repairCost - a.repairCost).filter((c) => c.repairCost > 0).slice(0, 10)
  return (
    <section className="flex flex-col gap-4" aria-labelledby="costs-title">
      <h2 id="costs-title" className="text-xl font-bold">
        {t('costsTitle')}
      </h2>
      <p className="text-sm text-gray-700">
        {t('costsLead', { method: t(`methods.${settings.depreciationMethod as 'straight_line' | 'declining_balance'}`), month: settings.fiscalYearEndMonth })}
      </p>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="cost-totals">
        {[
          [t('purchase'), total.purchase],
          [t('repairCost'), total.repair],
          [t('depreciationThisYear'), total.depreciationThisYear],
          [t('bookValue'), total.bookValue],
        ].map(([label, value]) => (
          <div key={label as string} className="card p-3">
            <p className="text-sm font-bold text-gray-700">{label}</p>
            <p className="text-xl font-bold tabular-nums">{yen(value as number)}</p>
          </div>
        ))}
      </div>
      <div className="card flex flex-col gap-4">
        <h3 className="text-lg font-bold">{t('byCategory')}</h3>
        {charts ? (
          <HorizontalBars
            title={t('bookValue')}
            items={categories.map((c) => ({ key: c.categoryId, label: c.name, value: c.bookValue, display: yen(c.bookValue) }))}
            max={Math.max(1, ...categories.map((c) => c.purchase))}
          />
        ) : null}
        <Table
          head={[t('category'), t('tools'), t('purchase'), t('repairCost'), t('depreciationThisYear'), t('bookValue')]}
          rows={[
            ...categories.map((c) => [c.name, n(c.tools), yen(c.purchase), yen(c.repair), yen(c.depreciationThisYear), yen(c.bookValue)]),
            [t('total'), n(total.tools), yen(total.purchase), yen(total.repair), yen(total.depreciationThisYear), yen(total.bookValue)],
          ]}
        />
        {total.unknown ? <p className="text-sm text-gray-700">{t('unknownBook', { count: total.unknown })}</p> : null}
      </div>
      {top.length ? (
        <div className="card flex flex-col gap-3">
          <h3 className="text-lg font-bold">{t('mostRepaired')}</h3>
          <Table
            head={[t('code'), t('name'), t('repairs'), t('repairCost'), t('purchasePrice'), t('bookValue')]}
            rows={top.map((c) => [c.toolCode, c.name, n(c.repairs), yen(c.repairCost), c.purchasePrice === null ? '—' : yen(c.purchasePrice), c.bookValue === null ? '—' : yen(c.bookValue)])}
          />
        </div>
      ) : null}
    </section>
  )
}

function PeriodForm({ view, period, labels }: { view: string; period: ReportPeriod; labels: { from: string; to: string; show: string } }) {
  return (
    <form method="get" action="/reports" className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="view" value={view} />
      <label className="flex flex-col gap-1 font-bold">
        {labels.from}
        <input type="month" name="from" defaultValue={period.from} className="field w-44" />
      </label>
      <label className="flex flex-col gap-1 font-bold">
        {labels.to}
        <input type="month" name="to" defaultValue={period.to} className="field w-44" />
      </label>
      <button type="submit" className="btn btn-secondary">
        {labels.show}
      </button>
    </form>
  )
}

/** A plain table that scrolls sideways on a phone; first column sticky. */
function Table({ head, rows }: { head: string[]; rows: (string | number)[][] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="report-table">
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={i} scope="col" className={`border-b-2 border-gray-300 px-2 py-2 whitespace-nowrap ${i === 0 ? 'sticky left-0 bg-white text-left' : 'text-right'}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} className="border-b border-gray-200">
              {r.map((c, j) => (
                <td key={j} className={`px-2 py-2 whitespace-nowrap ${j === 0 ? 'sticky left-0 bg-white text-left font-bold' : 'text-right tabular-nums'}`}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
