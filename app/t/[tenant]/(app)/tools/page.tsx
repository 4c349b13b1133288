import Link from 'next/link'
import { ChevronRight, Download, FileUp, MoreHorizontal, Plus, Trash2 } from 'lucide-react'
import { getFormatter, getTranslations } from 'next-intl/server'
import { formatDate, formatYen } from '@/components/format'
import { PageHeader } from '@/components/page-header'
import { StatusBadge } from '@/components/status-badge'
import { requireMember } from '@/lib/auth/member'
import { atLeast } from '@/lib/auth/roles'
import { listCategories } from '@/lib/categories/queries'
import { listFieldDefinitions } from '@/lib/custom-fields/queries'
import { withTenant } from '@/lib/db'
import { listLocations } from '@/lib/locations/queries'
import { signedFileUrl } from '@/lib/storage/signing'
import { listToolStatuses } from '@/lib/tool-statuses/queries'
import { countTools, listHolderOptions, listTools, type ToolListItem } from '@/lib/tools/queries'
import type { ToolListParams } from '@/lib/tools/schemas'
import { parseToolListSearchParams, toolListSearchParams } from '@/lib/tools/search-params'
import { ToolFilters, type FilterOptions } from './tool-filters'

export async function generateMetadata() {
  const t = await getTranslations('tools')
  return { title: t('title') }
}

const href = (query: Partial<ToolListParams>) => {
  const qs = toolListSearchParams({ ...query, cursor: undefined }).toString()
  return qs ? `/tools?${qs}` : '/tools'
}

export default async function ToolsPage({ searchParams }: PageProps<'/t/[tenant]/tools'>) {
  const member = await requireMember()
  const raw = await searchParams
  const query = parseToolListSearchParams(raw)
  const data = await withTenant(member.ctx, async (tx) => ({
    page: await listTools(tx, query),
    total: await countTools(tx, query),
    categories: await listCategories(tx, { includeInactive: true }),
    statuses: await listToolStatuses(tx, { includeInactive: true }),
    places: await listLocations(tx, { includeInactive: true }),
    holders: await listHolderOptions(tx),
    fields: await listFieldDefinitions(tx, { entityType: 'tool' }),
  }))
  const [t, ts, tm, format] = await Promise.all([getTranslations('tools'), getTranslations('toolStatuses'), getTranslations('tools.managementType'), getFormatter()])
  const options: FilterOptions = {
    categories: data.categories.map((c) => ({ value: c.id, label: `${c.codePrefix} ${c.name}` })),
    statuses: [
      ...(['normal', 'repair', 'broken', 'disposed'] as const).map((s) => ({ value: s, label: ts(`builtIn.${s}`) })),
      ...data.statuses.map((s) => ({ value: s.id, label: s.label })),
    ],
    places: data.places.map((p) => ({ value: p.id, label: p.isActive ? p.name : `${p.name} (${t('list.closed')})` })),
    holders: data.holders.map((h) => ({ value: h.userId, label: h.name })),
    selectFields: data.fields
      .filter((f) => f.fieldType === 'select')
      .map((f) => ({ key: f.fieldKey, label: f.label, choices: (f.options.choices ?? []).map((c) => ({ value: c.value, label: c.label })) })),
    dueFields: data.fields.filter((f) => f.isDueDate).map((f) => ({ key: f.fieldKey, label: f.label })),
  }
  const labelOf = (list: { value: string; label: string }[], v: string) => list.find((o) => o.value === v)?.label ?? v
  const chips: { key: string; label: string; href: string }[] = [
    ...(query.q ? [{ key: 'q', label: t('list.searchChip', { q: query.q }), href: href({ ...query, q: undefined }) }] : []),
    ...(['categoryId', 'status', 'locationId', 'holderId'] as const).flatMap((k) => {
      const list = { categoryId: options.categories, status: options.statuses, locationId: options.places, holderId: options.holders }[k]
      return (query[k] ?? []).map((v) => ({ key: `${k}:${v}`, label: labelOf(list, v), href: href({ ...query, [k]: query[k]!.filter((x) => x !== v) }) }))
    }),
    ...(query.managementType ? [{ key: 'mt', label: tm(query.managementType), href: href({ ...query, managementType: undefined }) }] : []),
    ...(query.lowStock ? [{ key: 'low', label: t('list.lowStockOnly'), href: href({ ...query, lowStock: false }) }] : []),
    ...(query.onSiteDays ? [{ key: 'onSite', label: t('list.onSiteChip', { days: query.onSiteDays }), href: href({ ...query, onSiteDays: undefined }) }] : []),
    ...(query.scheduleId
      ? [
          {
            key: 'due',
            label: t('list.dueChip', { from: formatDate(format, query.dueFrom) ?? '…', to: formatDate(format, query.dueTo) ?? '…' }),
            href: href({ ...query, scheduleId: undefined, dueFrom: undefined, dueTo: undefined }),
          },
        ]
      : []),
    ...query.fields.map((f, i) => {
      const def = data.fields.find((d) => d.fieldKey === f.key)
      const value = def?.options.choices?.find((c) => c.value === f.value)?.label ?? f.value
      return { key: `f${i}`, label: `${def?.label ?? f.key}: ${f.op === 'to' ? t('list.until', { date: value }) : value}`, href: href({ ...query, fields: query.fields.filter((_, j) => j !== i) }) }
    }),
  ]
  const exportQuery = toolListSearchParams({ ...query, cursor: undefined, limit: undefined })
  const exportHref = (encoding: string) => `/tools/export?${new URLSearchParams([...exportQuery.entries(), ['encoding', encoding]])}`
  const canEdit = atLeast(member.role, 'leader')
  const deleted = typeof raw.deleted === 'string' ? raw.deleted : null
  const thumb = (item: ToolListItem) => (item.thumbnailKey ? signedFileUrl(item.thumbnailKey) : null)

  const secondary = (
    <>
      {canEdit ? (
        <Link href="/tools/import" className="btn btn-secondary">
          <FileUp aria-hidden className="size-5" />
          {t('actions.import')}
        </Link>
      ) : null}
      <a href={exportHref('utf-8')} className="btn btn-secondary" download>
        <Download aria-hidden className="size-5" />
        {t('actions.exportUtf8')}
      </a>
      <a href={exportHref('shift_jis')} className="btn btn-secondary" download>
        <Download aria-hidden className="size-5" />
        {t('actions.exportSjis')}
      </a>
      <Link href="/tools/trash" className="btn btn-secondary">
        <Trash2 aria-hidden className="size-5" />
        {t('actions.trash')}
      </Link>
    </>
  )

  return (
    <main>
      <PageHeader
        title={t('title')}
        lead={t('list.count', { count: data.total })}
        actions={
          <>
            {canEdit ? (
              <Link href="/tools/new" className="btn btn-accent">
                <Plus aria-hidden className="size-5" />
                {t('actions.new')}
              </Link>
            ) : null}
            <div className="hidden flex-wrap gap-2 md:flex">{secondary}</div>
            {/* Office tasks stay out of the way on a phone. */}
            <details className="w-full md:hidden">
              <summary className="flex min-h-12 cursor-pointer items-center gap-2 rounded-lg border-2 border-gray-300 bg-white px-4 font-bold">
                <MoreHorizontal aria-hidden className="size-5" />
                {t('actions.more')}
              </summary>
              <div className="mt-2 flex flex-col gap-2">{secondary}</div>
            </details>
          </>
        }
      />
      {deleted ? (
        <p role="status" className="mb-4 rounded-lg border-2 border-gray-700 bg-white p-3 font-bold">
          {t('list.movedToTrash', { code: deleted })}{' '}
          <Link href="/tools/trash" className="underline">
            {t('actions.trash')}
          </Link>
        </p>
      ) : null}
      <ToolFilters query={query} options={options} />
      {chips.length ? (
        <ul aria-label={t('list.activeFilters')} className="mb-4 flex flex-wrap gap-2">
          {chips.map((c) => (
            <li key={c.key}>
              <Link href={c.href} className="inline-flex min-h-12 items-center gap-2 rounded-full border-2 border-ink bg-brand-100 px-4 font-bold">
                {c.label}
                <span aria-hidden className="text-xl leading-none">×</span>
                <span className="sr-only">{t('list.removeFilter')}</span>
              </Link>
            </li>
          ))}
          <li>
            <Link href="/tools" className="inline-flex min-h-12 items-center px-3 font-bold underline">
              {t('list.clearFilters')}
            </Link>
          </li>
        </ul>
      ) : null}

      {data.page.items.length === 0 ? (
        <p className="card text-lg">{t('list.empty')}</p>
      ) : (
        <>
          <ul className="flex flex-col gap-3 md:hidden" aria-label={t('title')}>
            {data.page.items.map((item) => (
              <li key={item.id}>
                <Link href={`/tools/${item.id}`} className="card flex items-center gap-3 p-4 active:bg-gray-100">
                  {thumb(item) ? (
                    // eslint-disable-next-line @next/next/no-img-element -- signed, short-lived links: nothing for next/image to cache
                    <img src={thumb(item)!} alt="" className="size-16 shrink-0 rounded-lg object-cover" />
                  ) : null}
                  <div className="min-w-0 flex-1">
                    <p className="font-mono text-xl font-black tracking-wide">{item.toolCode}</p>
                    <p className="truncate text-lg font-bold">{item.name}</p>
                    <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-gray-800">
                      <StatusBadge label={item.statusLabel ?? ts(`builtIn.${item.status}`)} color={item.statusColor} status={item.status} />
                      {item.locationName ? <span>{item.locationName}</span> : null}
                      {item.holderName ? <span>・{item.holderName}</span> : null}
                    </div>
                    {item.managementType === 'quantity' ? <Quantity item={item} low={t('list.lowStock')} /> : null}
                  </div>
                  <ChevronRight aria-hidden className="size-6 shrink-0 text-gray-500" />
                </Link>
              </li>
            ))}
          </ul>
          <table className="hidden w-full border-separate border-spacing-0 bg-white text-left md:table">
            <thead>
              <tr>
                {[t('fields.toolCode'), t('fields.name'), t('fields.category'), t('fields.status'), t('fields.location'), t('fields.holder'), t('fields.quantity'), t('fields.purchasePrice')].map((h) => (
                  <th key={h} scope="col" className="sticky top-0 z-10 border-b-2 border-gray-300 bg-gray-100 px-3 py-2 text-sm font-bold whitespace-nowrap">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.page.items.map((item) => (
                <tr key={item.id} className={item.lowStock ? 'bg-red-50' : 'even:bg-gray-50'}>
                  <td className="border-b border-gray-200 px-3 py-2 font-mono text-lg font-black whitespace-nowrap">
                    <Link href={`/tools/${item.id}`} className="underline-offset-4 hover:underline">
                      {item.toolCode}
                    </Link>
                  </td>
                  <td className="border-b border-gray-200 px-3 py-2">
                    <Link href={`/tools/${item.id}`} className="font-bold underline-offset-4 hover:underline">
                      {item.name}
                    </Link>
                    <span className="block text-sm text-gray-700">{[item.manufacturer, item.modelNumber].filter(Boolean).join(' ')}</span>
                  </td>
                  <td className="border-b border-gray-200 px-3 py-2 text-sm">{item.categoryName}</td>
                  <td className="border-b border-gray-200 px-3 py-2">
                    <StatusBadge label={item.statusLabel ?? ts(`builtIn.${item.status}`)} color={item.statusColor} status={item.status} />
                  </td>
                  <td className="border-b border-gray-200 px-3 py-2 text-sm">{item.locationName}</td>
                  <td className="border-b border-gray-200 px-3 py-2 text-sm">{item.holderName}</td>
                  <td className="border-b border-gray-200 px-3 py-2 text-sm whitespace-nowrap">
                    {item.managementType === 'quantity' ? <Quantity item={item} low={t('list.lowStock')} /> : null}
                  </td>
                  <td className="border-b border-gray-200 px-3 py-2 text-right text-sm whitespace-nowrap">{formatYen(format, item.purchasePrice)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <nav aria-label={t('list.pages')} className="mt-6 flex flex-wrap gap-3">
        {query.cursor ? (
          <Link href={href(query)} className="btn btn-secondary">
            {t('list.firstPage')}
          </Link>
        ) : null}
        {data.page.nextCursor ? (
          <Link href={`/tools?${toolListSearchParams({ ...query, cursor: data.page.nextCursor })}`} className="btn btn-primary">
            {t('list.more')}
          </Link>
        ) : null}
      </nav>
    </main>
  )
}

function Quantity({ item, low }: { item: ToolListItem; low: string }) {
  return (
    <span className={`mt-1 inline-flex items-center gap-2 font-bold ${item.lowStock ? 'text-red-800' : ''}`}>
      {item.currentQuantity}
      {item.unit}
      {item.lowStock ? <span className="rounded bg-red-700 px-2 py-0.5 text-xs text-white">{low}</span> : null}
    </span>
  )
}
