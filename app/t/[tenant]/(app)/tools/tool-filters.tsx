'use client'

import { useRouter } from 'next/navigation'
import { Search, SlidersHorizontal } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { useTransition } from 'react'
import type { ToolListParams, ToolSort } from '@/lib/tools/schemas'
import { toolListSearchParams } from '@/lib/tools/search-params'

type Option = { value: string; label: string }
export interface FilterOptions {
  categories: Option[]
  statuses: Option[]
  places: Option[]
  holders: Option[]
  selectFields: { key: string; label: string; choices: Option[] }[]
  dueFields: { key: string; label: string }[]
}

const sorts: [ToolSort, 'asc' | 'desc'][] = [
  ['code', 'asc'],
  ['name', 'asc'],
  ['updated', 'desc'],
  ['purchased', 'desc'],
  ['price', 'desc'],
]

/** Search, filters and sort; every change goes into the URL (so a reload or a shared link shows the same list). */
export function ToolFilters({ query, options }: { query: ToolListParams; options: FilterOptions }) {
  const t = useTranslations('tools')
  const router = useRouter()
  const [pending, start] = useTransition()

  const apply = (form: HTMLFormElement) => {
    const d = new FormData(form)
    const list = (name: string) => (d.get(name) ? [String(d.get(name))] : [])
    const [sort, dir] = String(d.get('sort') || 'code:asc').split(':') as [ToolSort, 'asc' | 'desc']
    const fields = [
      ...options.selectFields.flatMap((f) => (d.get(`f.${f.key}`) ? [{ key: f.key, op: 'eq' as const, value: String(d.get(`f.${f.key}`)) }] : [])),
      ...options.dueFields.flatMap((f) => (d.get(`due.${f.key}`) ? [{ key: f.key, op: 'to' as const, value: String(d.get(`due.${f.key}`)) }] : [])),
    ]
    // Filters the form does not show (other custom-field filters from a shared link) are kept.
    const shown = new Set([...options.selectFields.map((f) => `${f.key}:eq`), ...options.dueFields.map((f) => `${f.key}:to`)])
    const params = toolListSearchParams({
      q: String(d.get('q') ?? '').trim() || undefined,
      categoryId: list('categoryId'),
      status: list('status'),
      locationId: list('locationId'),
      holderId: list('holderId'),
      managementType: (d.get('managementType') || undefined) as ToolListParams['managementType'],
      lowStock: d.get('lowStock') === '1',
      fields: [...query.fields.filter((f) => !shown.has(`${f.key}:${f.op}`)), ...fields],
      // So are the alerts' own filters (on a site N days, due under a schedule): a search keeps the alert's list.
      onSiteDays: query.onSiteDays,
      scheduleId: query.scheduleId,
      dueFrom: query.dueFrom,
      dueTo: query.dueTo,
      sort,
      dir,
      limit: query.limit,
    })
    start(() => router.push(params.size ? `/tools?${params}` : '/tools'))
  }

  const fieldValue = (key: string, op: string) => query.fields.find((f) => f.key === key && f.op === op)?.value ?? ''
  const select = (name: string, label: string, items: Option[], value: string | undefined) => (
    <label className="flex flex-col gap-1 text-sm font-bold">
      {label}
      <select name={name} defaultValue={value ?? ''} className="field" onChange={(e) => apply(e.currentTarget.form!)}>
        <option value="">{t('list.all')}</option>
        {items.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  )

  return (
    <form
      role="search"
      aria-busy={pending}
      // The key resets the uncontrolled inputs when the URL changes (a chip removed, back button).
      key={toolListSearchParams({ ...query, cursor: undefined }).toString()}
      className="mb-4 flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault()
        apply(e.currentTarget)
      }}
    >
      <div className="flex gap-2">
        <label htmlFor="tool-search" className="sr-only">
          {t('list.search')}
        </label>
        <input id="tool-search" name="q" type="search" defaultValue={query.q ?? ''} placeholder={t('list.searchPlaceholder')} className="field text-lg" enterKeyHint="search" />
        <button type="submit" className="btn btn-primary shrink-0" disabled={pending}>
          <Search aria-hidden className="size-5" />
          <span className="sr-only sm:not-sr-only">{t('list.search')}</span>
        </button>
      </div>
      <details className="group rounded-xl border border-gray-200 bg-white md:open:p-0" open={hasFilters(query) || undefined}>
        <summary className="flex min-h-12 cursor-pointer items-center gap-2 px-4 font-bold select-none">
          <SlidersHorizontal aria-hidden className="size-5" />
          {t('list.filters')}
        </summary>
        <div className="grid grid-cols-1 gap-3 p-4 pt-0 sm:grid-cols-2 lg:grid-cols-4">
          {select('categoryId', t('fields.category'), options.categories, query.categoryId?.[0])}
          {select('status', t('fields.status'), options.statuses, query.status?.[0])}
          {select('locationId', t('fields.location'), options.places, query.locationId?.[0])}
          {select('holderId', t('fields.holder'), options.holders, query.holderId?.[0])}
          {select(
            'managementType',
            t('fields.managementType'),
            (['individual', 'quantity'] as const).map((v) => ({ value: v, label: t(`managementType.${v}`) })),
            query.managementType,
          )}
          {options.selectFields.map((f) => (
            <div key={f.key}>{select(`f.${f.key}`, f.label, f.choices, fieldValue(f.key, 'eq'))}</div>
          ))}
          {options.dueFields.map((f) => (
            <label key={f.key} className="flex flex-col gap-1 text-sm font-bold">
              {t('list.dueUntil', { field: f.label })}
              <input type="date" name={`due.${f.key}`} defaultValue={fieldValue(f.key, 'to')} className="field" onChange={(e) => apply(e.currentTarget.form!)} />
            </label>
          ))}
          <label className="flex min-h-12 items-center gap-3 self-end font-bold">
            <input type="checkbox" name="lowStock" value="1" defaultChecked={query.lowStock} className="size-6" onChange={(e) => apply(e.currentTarget.form!)} />
            {t('list.lowStockOnly')}
          </label>
          <label className="flex flex-col gap-1 text-sm font-bold">
            {t('list.sort')}
            <select name="sort" defaultValue={`${query.sort}:${query.dir}`} className="field" onChange={(e) => apply(e.currentTarget.form!)}>
              {sorts.map(([s, d]) => (
                <option key={s} value={`${s}:${d}`}>
                  {t(`sort.${s}`)}
                </option>
              ))}
              {sorts.some(([s, d]) => s === query.sort && d === query.dir) ? null : <option value={`${query.sort}:${query.dir}`}>{t(`sort.${query.sort}`)}</option>}
            </select>
          </label>
        </div>
      </details>
    </form>
  )
}

const hasFilters = (q: ToolListParams) =>
  !!(
    q.categoryId?.length ||
    q.status?.length ||
    q.locationId?.length ||
    q.holderId?.length ||
    q.managementType ||
    q.lowStock ||
    q.onSiteDays ||
    q.scheduleId ||
    q.dueFrom ||
    q.dueTo ||
    q.fields.length ||
    q.sort !== 'code'
  )
