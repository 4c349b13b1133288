'use client'

import { Clock, Search } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import type { Place } from './model'

/** Big radio rows: recent places first, then sites, then warehouses; a search box narrows them down. */
export function PlacePicker({ places, value, onChange, legend }: { places: (Place & { recent: boolean })[]; value: string; onChange: (id: string) => void; legend: string }) {
  const t = useTranslations('scan')
  const [query, setQuery] = useState('')
  const q = query.trim().toLowerCase()
  const shown = q ? places.filter((p) => p.name.toLowerCase().includes(q)) : places
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-2 text-lg font-bold">{legend}</legend>
      {places.length > 6 && (
        <label className="relative block">
          <span className="sr-only">{t('searchPlaces')}</span>
          <Search aria-hidden className="absolute top-3.5 left-3 size-5 text-gray-600" />
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('searchPlaces')} className="field pl-10" />
        </label>
      )}
      {shown.length === 0 && <p className="text-gray-700">{t('noPlaces')}</p>}
      <div className="grid max-h-80 gap-2 overflow-y-auto" role="radiogroup" aria-label={legend}>
        {shown.map((p) => (
          <label
            key={p.id}
            className={`flex min-h-14 cursor-pointer items-center gap-3 rounded-lg border-2 px-3 text-lg font-bold ${value === p.id ? 'border-ink bg-brand-100' : 'border-gray-300 bg-white'}`}
          >
            <input type="radio" name="place" value={p.id} checked={value === p.id} onChange={() => onChange(p.id)} className="size-6 accent-ink" />
            <span className="min-w-0 flex-1 truncate">{p.name}</span>
            {p.recent && <Clock aria-label={t('recent')} className="size-5 text-gray-600" />}
            <span className="rounded bg-gray-200 px-2 py-0.5 text-sm font-normal">{t(`types.${p.type}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
