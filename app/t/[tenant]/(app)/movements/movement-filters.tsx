'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { useTranslations } from 'next-intl'
import { SlidersHorizontal, X } from 'lucide-react'
import Link from 'next/link'

interface Option {
  id: string
  name: string
}

export interface FilterValues {
  tool?: string
  location?: string
  user?: string
  type?: string
  from?: string
  to?: string
}

/** The movements page's filters. They live in the URL (a plain GET form without script; a clean query with it). */
export function MovementFilters({ values, places, people, types, tool }: { values: FilterValues; places: Option[]; people: Option[]; types: { value: string; label: string }[]; tool: { code: string; name: string } | null }) {
  const t = useTranslations('movementHistory')
  const router = useRouter()
  const active = (['location', 'user', 'type', 'from', 'to'] as const).filter((k) => values[k]).length
  // On a phone the filters fold away so the moves come first; on a laptop they are always open.
  const [open, setOpen] = useState(false)
  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault()
    const query = new URLSearchParams()
    for (const [k, v] of new FormData(e.currentTarget)) if (typeof v === 'string' && v) query.set(k, v)
    router.push(`/movements${query.size ? `?${query}` : ''}`)
  }
  const withoutTool = new URLSearchParams(Object.entries(values).filter(([k, v]) => k !== 'tool' && v) as [string, string][])
  return (
    <form method="get" action="/movements" onSubmit={submit} className="card flex flex-col gap-3" aria-label={t('filters')}>
      {values.tool ? (
        <div className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="tool" value={values.tool} />
          <span className="font-bold">{t('tool')}:</span>
          <span className="flex items-center gap-1 rounded-full border-2 border-gray-300 bg-white py-1 pr-1 pl-3" data-testid="tool-filter">
            <span className="font-bold">{tool?.code ?? '—'}</span> <span className="text-gray-700">{tool?.name}</span>
            <Link href={`/movements${withoutTool.size ? `?${withoutTool}` : ''}`} className="flex size-10 items-center justify-center rounded-full hover:bg-gray-100" aria-label={t('clearTool')}>
              <X aria-hidden className="size-5" />
            </Link>
          </span>
        </div>
      ) : null}
      <button type="button" className="btn btn-secondary md:hidden" aria-expanded={open} aria-controls="movement-filter-fields" onClick={() => setOpen(!open)}>
        <SlidersHorizontal aria-hidden className="size-5" />
        {t('filters')}
        {active ? ` (${active})` : ''}
      </button>
      <div id="movement-filter-fields" className={`${open ? 'grid' : 'hidden'} gap-3 sm:grid-cols-2 md:grid lg:grid-cols-5`}>
        <Choice name="location" label={t('place')} all={t('all')} value={values.location} options={places.map((p) => ({ value: p.id, label: p.name }))} />
        <Choice name="user" label={t('person')} all={t('all')} value={values.user} options={people.map((p) => ({ value: p.id, label: p.name }))} />
        <Choice name="type" label={t('type')} all={t('all')} value={values.type} options={types} />
        <label className="flex flex-col gap-1">
          <span className="font-bold">{t('from')}</span>
          <input type="date" name="from" defaultValue={values.from ?? ''} className="field" />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-bold">{t('to')}</span>
          <input type="date" name="to" defaultValue={values.to ?? ''} className="field" />
        </label>
      </div>
      <div className={`${open ? 'flex' : 'hidden'} flex-wrap gap-2 md:flex`}>
        <button type="submit" className="btn btn-primary">
          {t('apply')}
        </button>
        <Link href="/movements" className="btn btn-secondary">
          {t('reset')}
        </Link>
      </div>
    </form>
  )
}

/** One filter: a labelled select whose first choice, "all", leaves the filter off. */
function Choice({ name, label, all, value, options }: { name: string; label: string; all: string; value?: string | null; options: { value: string; label: string }[] }) {
  return (
    <label className="flex flex-col gap-1">
      <span className="font-bold">{label}</span>
      <select name={name} defaultValue={value ?? ''} className="field">
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  )
}
