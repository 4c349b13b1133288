'use client'

import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { useTranslations } from 'next-intl'
import { AlertTriangle, Download, Plus, Search, X } from 'lucide-react'
import { layoutById, layouts, MIN_QR_MM, perPage, type LabelLayout, type LayoutId } from '@/lib/labels/layouts'
import type { Result } from '@/lib/result'

export type Source = 'tools' | 'category' | 'location' | 'blank'

interface Tool {
  id: string
  toolCode: string
  name: string
  place?: string | null
}

interface Option {
  id: string
  name: string
  count: number
}

interface Props {
  initial: { source: Source; categoryId: string; locationId: string; chosen: Tool[]; q: string; offsetXMm: number; offsetYMm: number; layout: LayoutId }
  results: Tool[]
  categories: Option[]
  places: Option[]
  batches: { batchId: string; line: string }[]
  saveCalibration: (input: { offsetX: string; offsetY: string; layout: string }) => Promise<Result<{ message: string }>>
}

type Status = { kind: 'idle' } | { kind: 'pending' } | { kind: 'done'; message: string } | { kind: 'error'; message: string; fields?: Record<string, string> }

const sources: Source[] = ['tools', 'category', 'location', 'blank']

/** How many sheets (or tape labels) `labels` labels take after `skip` used positions. */
function sheets(layout: LabelLayout, labels: number, skip: number) {
  if (labels <= 0) return 0
  return layout.kind === 'tape' ? labels : Math.ceil((labels + skip) / perPage(layout))
}

/** The label page's form: what to print, on which stock, where on the sheet; downloads the PDF without leaving the page. */
export function LabelForm({ initial, results, categories, places, batches, saveCalibration }: Props) {
  const t = useTranslations('labels')
  const te = useTranslations('errors')
  const router = useRouter()
  const [source, setSource] = useState<Source>(initial.source)
  const [chosen, setChosen] = useState<Tool[]>(initial.chosen)
  const [q, setQ] = useState(initial.q)
  const [categoryId, setCategoryId] = useState(initial.categoryId)
  const [locationId, setLocationId] = useState(initial.locationId)
  const [count, setCount] = useState('24')
  const [layoutId, setLayoutId] = useState<LayoutId>(initial.layout)
  const [skip, setSkip] = useState(0)
  const [offsetX, setOffsetX] = useState(String(initial.offsetXMm))
  const [offsetY, setOffsetY] = useState(String(initial.offsetYMm))
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const [saved, setSaved] = useState<Status>({ kind: 'idle' })
  const [searching, startSearch] = useTransition()
  const [saving, startSaving] = useTransition()

  const layout = layoutById(layoutId)
  const slots = perPage(layout)
  const usedSkip = layout.kind === 'sheet' ? Math.min(skip, slots - 1) : 0
  const labelCount =
    source === 'tools'
      ? chosen.length
      : source === 'category'
        ? (categories.find((c) => c.id === categoryId)?.count ?? 0)
        : source === 'location'
          ? (places.find((p) => p.id === locationId)?.count ?? 0)
          : Math.max(0, Math.min(500, Math.floor(Number(count) || 0)))
  const sheetTotal = sheets(layout, labelCount, usedSkip)
  const isChosen = (id: string) => chosen.some((c) => c.id === id)
  const add = (tools: Tool[]) => setChosen((now) => [...now, ...tools.filter((x) => !now.some((c) => c.id === x.id))].sort((a, b) => a.toolCode.localeCompare(b.toolCode)))
  const fieldError = (name: string) => (status.kind === 'error' ? status.fields?.[name] : undefined)

  function search(e: React.FormEvent) {
    e.preventDefault()
    startSearch(() => router.replace(q.trim() ? `?q=${encodeURIComponent(q.trim())}` : '?', { scroll: false }))
  }

  async function download(extra: Record<string, string> = {}) {
    const form = new FormData()
    const fields: Record<string, string> = { source, layout: layoutId, skip: String(usedSkip), offsetX, offsetY, ...extra }
    if (fields.source === 'category') fields.categoryId = categoryId
    if (fields.source === 'location') fields.locationId = locationId
    if (fields.source === 'blank') fields.count = count
    for (const [k, v] of Object.entries(fields)) form.set(k, v)
    if (fields.source === 'tools') for (const c of chosen) form.append('toolId', c.id)
    setStatus({ kind: 'pending' })
    try {
      const res = await fetch('/labels/pdf', { method: 'POST', body: form })
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { message?: string; details?: Record<string, string> } | null
        setStatus({ kind: 'error', message: body?.message ?? te('INTERNAL'), fields: body?.details })
        return
      }
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'labels.pdf'
      const href = URL.createObjectURL(await res.blob())
      const a = document.createElement('a')
      a.href = href
      a.download = name
      document.body.append(a)
      a.click()
      a.remove()
      setTimeout(() => URL.revokeObjectURL(href), 60_000)
      setStatus({ kind: 'done', message: t('downloaded', { labels: Number(res.headers.get('x-label-count') ?? 0) }) })
      if (fields.source === 'blank') router.refresh()
    } catch {
      setStatus({ kind: 'error', message: te('NETWORK') })
    }
  }

  function save() {
    startSaving(async () => {
      const r = await saveCalibration({ offsetX, offsetY, layout: layoutId })
      setSaved(r.ok ? { kind: 'done', message: r.data.message } : { kind: 'error', message: r.error.message ?? te('INTERNAL') })
    })
  }

  return (
    <div className="flex flex-col gap-6">
      <section className="card flex flex-col gap-4" aria-labelledby="what-title">
        <h2 id="what-title" className="text-xl font-bold">
          {t('whatTitle')}
        </h2>
        <div role="radiogroup" aria-labelledby="what-title" className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          {sources.map((s) => (
            <label key={s} className={`flex min-h-12 cursor-pointer items-center gap-2 rounded-lg border-2 px-3 font-bold ${source === s ? 'border-ink bg-brand-100' : 'border-gray-300 bg-white'}`}>
              <input type="radio" name="source" value={s} checked={source === s} onChange={() => setSource(s)} className="size-5" />
              {t(`source.${s}`)}
            </label>
          ))}
        </div>

        {source === 'tools' ? (
          <div className="flex flex-col gap-3">
            <form onSubmit={search} role="search" className="flex flex-col gap-1">
              <label htmlFor="label-search" className="font-bold">
                {t('search')}
              </label>
              <div className="flex gap-2">
                <input id="label-search" type="search" className="field" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('searchPlaceholder')} enterKeyHint="search" />
                <button type="submit" className="btn btn-secondary shrink-0" disabled={searching}>
                  <Search aria-hidden className="size-5" />
                  {t('searchButton')}
                </button>
              </div>
            </form>
            {initial.q || results.length ? (
              <div aria-live="polite">
                <div className="flex items-center justify-between gap-2">
                  <h3 className="font-bold">{t('results')}</h3>
                  {results.length ? (
                    <button type="button" className="btn btn-secondary min-h-10 px-3 text-sm" onClick={() => add(results)}>
                      {t('addAll')}
                    </button>
                  ) : null}
                </div>
                {results.length === 0 ? <p className="text-gray-700">{t('noResults')}</p> : null}
                <ul className="mt-2 divide-y divide-gray-200" data-testid="label-results">
                  {results.map((r) => (
                    <li key={r.id} className="flex items-center justify-between gap-3 py-2">
                      <div className="min-w-0">
                        <p className="text-lg font-bold">{r.toolCode}</p>
                        <p className="truncate text-gray-700">
                          {r.name}
                          {r.place ? ` · ${r.place}` : ''}
                        </p>
                      </div>
                      <button type="button" className="btn btn-secondary shrink-0" disabled={isChosen(r.id)} onClick={() => add([r])} aria-label={`${t('add')} ${r.toolCode}`}>
                        <Plus aria-hidden className="size-5" />
                        {isChosen(r.id) ? t('added') : t('add')}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <div>
              <div className="flex items-center justify-between gap-2">
                <h3 className="font-bold">{t('chosen', { count: chosen.length })}</h3>
                {chosen.length ? (
                  <button type="button" className="btn btn-secondary min-h-10 px-3 text-sm" onClick={() => setChosen([])}>
                    {t('clear')}
                  </button>
                ) : null}
              </div>
              {chosen.length === 0 ? <p className="text-gray-700">{t('noneChosen')}</p> : null}
              <ul className="mt-2 flex flex-wrap gap-2" data-testid="label-chosen">
                {chosen.map((c) => (
                  <li key={c.id} className="flex items-center gap-1 rounded-full border-2 border-gray-300 bg-white py-1 pr-1 pl-3">
                    <span className="font-bold">{c.toolCode}</span>
                    <span className="max-w-40 truncate text-sm text-gray-700">{c.name}</span>
                    <button type="button" className="flex size-10 items-center justify-center rounded-full hover:bg-gray-100" onClick={() => setChosen((now) => now.filter((x) => x.id !== c.id))} aria-label={t('removeOne', { code: c.toolCode })}>
                      <X aria-hidden className="size-5" />
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        ) : null}

        {source === 'category' || source === 'location' ? (
          <div className="flex flex-col gap-1">
            <label htmlFor="label-group" className="font-bold">
              {t(source)}
            </label>
            <select id="label-group" className="field" value={source === 'category' ? categoryId : locationId} onChange={(e) => (source === 'category' ? setCategoryId(e.target.value) : setLocationId(e.target.value))}>
              <option value="">{t('choose')}</option>
              {(source === 'category' ? categories : places).map((o) => (
                <option key={o.id} value={o.id}>
                  {t('toolsCount', { name: o.name, count: o.count })}
                </option>
              ))}
            </select>
          </div>
        ) : null}

        {source === 'blank' ? (
          <div className="flex flex-col gap-1">
            <p className="text-gray-700">{t('blankHint')}</p>
            <label htmlFor="label-count" className="font-bold">
              {t('blankCount')}
            </label>
            <input id="label-count" className="field w-32" type="number" inputMode="numeric" min={1} max={500} value={count} onChange={(e) => setCount(e.target.value)} aria-invalid={fieldError('count') ? true : undefined} />
          </div>
        ) : null}
      </section>

      <section className="card flex flex-col gap-3" aria-labelledby="stock-title">
        <h2 id="stock-title" className="text-xl font-bold">
          {t('stockTitle')}
        </h2>
        <div role="radiogroup" aria-labelledby="stock-title" className="grid gap-2 sm:grid-cols-2">
          {layouts.map((l) => (
            <label key={l.id} className={`flex cursor-pointer gap-3 rounded-lg border-2 p-3 ${layoutId === l.id ? 'border-ink bg-brand-100' : 'border-gray-300 bg-white'}`}>
              <input type="radio" name="layout" value={l.id} checked={layoutId === l.id} onChange={() => setLayoutId(l.id)} className="mt-1 size-5 shrink-0" />
              <span className="flex flex-col">
                <span className="font-bold">
                  {l.kind === 'sheet' ? t('sheetName', { count: perPage(l) }) : t('tapeName', { width: l.tape })}
                  {l.kind === 'sheet' ? <span className="font-normal text-gray-700"> · {t('grid', { columns: l.columns, rows: l.rows })}</span> : null}
                </span>
                <span className="text-sm">{l.products.join(' / ')}</span>
                <span className="text-sm text-gray-700">
                  {t('labelSize', { w: (l.kind === 'sheet' ? l.labelW : l.length).toFixed(1), h: (l.kind === 'sheet' ? l.labelH : l.tape).toFixed(1) })} · {t('qrSize', { size: l.qr })}
                </span>
                {l.qr < MIN_QR_MM ? (
                  <span className="mt-1 flex items-start gap-1 text-sm font-bold text-red-800">
                    <AlertTriangle aria-hidden className="size-4 shrink-0" />
                    {t('smallQr')}
                  </span>
                ) : null}
              </span>
            </label>
          ))}
        </div>

        {layout.kind === 'sheet' ? (
          <div className="flex flex-col gap-2">
            <label htmlFor="label-skip" className="font-bold">
              {t('skip')}
            </label>
            <input
              id="label-skip"
              className="field w-32"
              type="number"
              inputMode="numeric"
              min={0}
              max={slots - 1}
              value={usedSkip}
              onChange={(e) => setSkip(Math.max(0, Math.min(slots - 1, Math.floor(Number(e.target.value) || 0))))}
              aria-describedby="label-skip-hint"
            />
            <p id="label-skip-hint" className="text-sm text-gray-700">
              {t('skipHint')}
            </p>
            <div className="grid max-w-xs gap-1 rounded border border-gray-300 bg-white p-2" style={{ gridTemplateColumns: `repeat(${layout.columns}, minmax(0, 1fr))` }} data-testid="sheet-preview">
              {Array.from({ length: slots }, (_, i) => {
                const used = i < usedSkip
                const printed = !used && i < usedSkip + labelCount
                return (
                  <button
                    key={i}
                    type="button"
                    onClick={() => setSkip(i)}
                    aria-label={t('positionLabel', { n: i + 1 }) + (used ? ` (${t('positionUsed')})` : '')}
                    aria-pressed={i === usedSkip}
                    className={`h-7 rounded-sm border ${used ? 'border-gray-300 bg-gray-200' : printed ? 'border-ink bg-brand-400' : 'border-gray-300 bg-white'}`}
                  />
                )
              })}
            </div>
          </div>
        ) : null}

        <fieldset className="flex flex-col gap-2">
          <legend className="font-bold">{t('calibrationTitle')}</legend>
          <div className="flex flex-wrap gap-3">
            <label className="flex flex-col gap-1">
              <span>{t('offsetX')}</span>
              <input className="field w-28" type="number" inputMode="decimal" step={0.1} min={-10} max={10} value={offsetX} onChange={(e) => setOffsetX(e.target.value)} aria-invalid={fieldError('offsetX') ? true : undefined} />
            </label>
            <label className="flex flex-col gap-1">
              <span>{t('offsetY')}</span>
              <input className="field w-28" type="number" inputMode="decimal" step={0.1} min={-10} max={10} value={offsetY} onChange={(e) => setOffsetY(e.target.value)} aria-invalid={fieldError('offsetY') ? true : undefined} />
            </label>
          </div>
          <p className="text-sm text-gray-700">{t('offsetHint')}</p>
          <div className="flex flex-wrap items-center gap-3">
            <button type="button" className="btn btn-secondary" onClick={save} disabled={saving}>
              {t('saveCalibration')}
            </button>
            {saved.kind === 'done' || saved.kind === 'error' ? (
              <p role="status" className={saved.kind === 'error' ? 'font-bold text-red-700' : 'text-green-800'}>
                {saved.message}
              </p>
            ) : null}
          </div>
        </fieldset>
      </section>

      <section className="card sticky bottom-20 flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-3 md:bottom-4" aria-live="polite">
        <p className="text-lg font-bold" data-testid="label-preview">
          {layout.kind === 'tape' ? t('previewTape', { labels: labelCount }) : t('preview', { labels: labelCount, sheets: sheetTotal })}
        </p>
        <button type="button" className="btn btn-accent" onClick={() => download()} disabled={status.kind === 'pending' || labelCount === 0}>
          <Download aria-hidden className="size-5" />
          {status.kind === 'pending' ? t('preparing') : t('download')}
        </button>
        {status.kind === 'error' ? (
          <p role="alert" className="basis-full font-bold text-red-700">
            {status.message}
          </p>
        ) : status.kind === 'done' ? (
          <p role="status" className="basis-full text-green-800">
            {status.message}
          </p>
        ) : null}
      </section>

      <section className="card" aria-labelledby="batches-title">
        <h2 id="batches-title" className="text-xl font-bold">
          {t('batchesTitle')}
        </h2>
        {batches.length === 0 ? <p className="mt-2 text-gray-700">{t('noBatches')}</p> : null}
        <ul className="mt-2 divide-y divide-gray-200" data-testid="blank-batches">
          {batches.map((b) => (
            <li key={b.batchId} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <span>{b.line}</span>
              <button type="button" className="btn btn-secondary" disabled={status.kind === 'pending'} onClick={() => download({ source: 'batch', batchId: b.batchId })}>
                {t('reprint')}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}
