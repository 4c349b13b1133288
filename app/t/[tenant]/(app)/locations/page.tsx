import Link from 'next/link'
import { Building2, ChevronRight, HardHat, Plus } from 'lucide-react'
import { getFormatter, getTranslations } from 'next-intl/server'
import { formatDate } from '@/components/format'
import { PageHeader } from '@/components/page-header'
import { requireMember } from '@/lib/auth/member'
import { atLeast } from '@/lib/auth/roles'
import { withTenant } from '@/lib/db'
import { listLocations } from '@/lib/locations/queries'

export async function generateMetadata() {
  const t = await getTranslations('locations')
  return { title: t('title') }
}

const shows = ['open', 'closed', 'all'] as const
const types = ['all', 'warehouse', 'site'] as const

export default async function LocationsPage({ searchParams }: PageProps<'/t/[tenant]/locations'>) {
  const member = await requireMember()
  const sp = await searchParams
  const show = shows.find((s) => s === sp.show) ?? 'open'
  const type = types.find((s) => s === sp.type) ?? 'all'
  const all = await withTenant(member.ctx, (tx) => listLocations(tx, { includeInactive: show !== 'open', type: type === 'all' ? undefined : type }))
  const places = show === 'closed' ? all.filter((p) => !p.isActive) : all
  const [t, format] = await Promise.all([getTranslations('locations'), getFormatter()])
  const link = (next: { show?: string; type?: string }) => {
    const p = new URLSearchParams({ show: next.show ?? show, type: next.type ?? type })
    if (p.get('show') === 'open') p.delete('show')
    if (p.get('type') === 'all') p.delete('type')
    return p.size ? `/locations?${p}` : '/locations'
  }
  const tab = (active: boolean) => `inline-flex min-h-12 items-center rounded-lg border-2 px-4 font-bold ${active ? 'border-ink bg-ink text-white' : 'border-gray-300 bg-white'}`
  return (
    <main>
      <PageHeader
        title={t('title')}
        actions={
          atLeast(member.role, 'leader') ? (
            <Link href="/locations/new" className="btn btn-accent">
              <Plus aria-hidden className="size-5" />
              {t('actions.new')}
            </Link>
          ) : null
        }
      />
      <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:justify-between">
        <nav aria-label={t('list.show')} className="flex flex-wrap gap-2">
          {shows.map((s) => (
            <Link key={s} href={link({ show: s })} className={tab(show === s)} aria-current={show === s ? 'page' : undefined}>
              {t(`list.${s}`)}
            </Link>
          ))}
        </nav>
        <nav aria-label={t('list.kind')} className="flex flex-wrap gap-2">
          {types.map((s) => (
            <Link key={s} href={link({ type: s })} className={tab(type === s)} aria-current={type === s ? 'page' : undefined}>
              {s === 'all' ? t('list.allTypes') : t(`type.${s}`)}
            </Link>
          ))}
        </nav>
      </div>
      {places.length === 0 ? (
        <p className="card text-lg">{t('list.empty')}</p>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" aria-label={t('title')}>
          {places.map((p) => {
            const Icon = p.type === 'warehouse' ? Building2 : HardHat
            return (
              <li key={p.id}>
                <Link href={`/locations/${p.id}`} className={`card flex items-center gap-3 p-4 active:bg-gray-100 ${p.isActive ? '' : 'opacity-80'}`}>
                  <Icon aria-hidden className="size-8 shrink-0" />
                  <div className="min-w-0 flex-1">
                    <p className="flex flex-wrap items-center gap-2 text-sm font-bold text-gray-700">
                      {t(`type.${p.type}`)}
                      {p.isActive ? null : <span className="rounded bg-gray-700 px-2 py-0.5 text-white">{p.type === 'site' ? t('list.closedBadge') : t('list.inactiveBadge')}</span>}
                    </p>
                    <p className="truncate text-lg font-bold">{p.name}</p>
                    {p.address ? <p className="truncate text-sm text-gray-700">{p.address}</p> : null}
                    <p className="text-sm text-gray-800">
                      {t('list.toolCount', { count: p.toolCount })}
                      {p.type === 'site' && (p.startsOn || p.endsOn)
                        ? `・${t('list.period', { from: formatDate(format, p.startsOn) ?? '', to: formatDate(format, p.endsOn) ?? '' })}`
                        : null}
                    </p>
                  </div>
                  <ChevronRight aria-hidden className="size-6 shrink-0 text-gray-500" />
                </Link>
              </li>
            )
          })}
        </ul>
      )}
    </main>
  )
}
