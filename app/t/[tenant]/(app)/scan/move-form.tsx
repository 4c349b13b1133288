'use client'

import { Minus, Plus } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { useState } from 'react'
import type { MoveAction } from '@/lib/scan/queue'
import { placesFor, sourcesOf, type Card, type Index } from './model'
import { PlacePicker } from './place-picker'

export interface MoveChoice {
  action: MoveAction
  toLocationId: string | null
  fromLocationId: string | null
  holderId: string | null
  quantity: number | null
  note: string
}

const MAX_QUANTITY = 100_000

/** Where to, who holds it, how many and a note, for one tool (or, without `card`, for a batch). */
export function MoveForm({
  action,
  card,
  index,
  userId,
  busy,
  submitLabel,
  onSubmit,
  onBack,
}: {
  action: MoveAction
  card: Card | null
  index: Index | null
  userId: string
  busy: boolean
  submitLabel: string
  onSubmit: (choice: MoveChoice) => void
  onBack: () => void
}) {
  const t = useTranslations('scan')
  const places = action === 'consume' ? [] : placesFor(index, action, card)
  const quantityTool = card?.managementType === 'quantity'
  const sources = quantityTool && card ? sourcesOf(card) : []
  const defaultFrom = action === 'checkout' ? (card?.locationId ?? null) : ((action === 'checkin' || action === 'consume' ? sources.find((s) => !s.home) : null) ?? sources[0])?.id ?? null
  const [to, setTo] = useState(places[0]?.id ?? '')
  const [from, setFrom] = useState<string | null>(defaultFrom)
  const [holder, setHolder] = useState(userId)
  const [quantity, setQuantity] = useState(1)
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const me = index?.members.find((m) => m.id === userId)
  const unit = card?.unit ?? ''
  const available = quantityTool ? (sources.find((s) => s.id === from)?.quantity ?? null) : null
  const needsHolder = action === 'checkout' || action === 'transfer'

  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    if (action !== 'consume' && !to) return setError(t('errors.PLACE_REQUIRED'))
    if (quantityTool) {
      if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) return setError(t('errors.QUANTITY_RANGE', { max: MAX_QUANTITY }))
      // Never below zero: refused here already when the phone knows the count (the server checks again).
      if (available !== null && quantity > available) return setError(t('errors.INSUFFICIENT_QUANTITY', { available, unit }))
    }
    setError(null)
    onSubmit({
      action,
      toLocationId: action === 'consume' ? null : to,
      fromLocationId: quantityTool && action !== 'checkout' ? from : null,
      holderId: needsHolder ? holder : null,
      quantity: quantityTool ? quantity : null,
      note,
    })
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-5" noValidate>
      {quantityTool && action !== 'checkout' && sources.length > 0 && (
        <label className="grid gap-1">
          <span className="text-lg font-bold">{t('from')}</span>
          <select value={from ?? ''} onChange={(e) => setFrom(e.target.value)} className="field min-h-14 text-lg">
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.home ? t('home', { place: s.name }) : s.name} ({s.quantity}
                {unit})
              </option>
            ))}
          </select>
        </label>
      )}
      {action !== 'consume' && <PlacePicker places={places} value={to} onChange={setTo} legend={t(`placeTitle.${action as Exclude<MoveAction, 'consume'>}`)} />}
      {quantityTool && (
        <div className="grid gap-1">
          <label htmlFor="move-quantity" className="text-lg font-bold">
            {t('quantity', { unit: unit || '-' })}
          </label>
          <div className="flex items-center gap-2">
            <button type="button" className="btn btn-secondary min-h-14 min-w-14 px-0" aria-label={t('less')} onClick={() => setQuantity((q) => Math.max(1, q - 1))}>
              <Minus aria-hidden className="size-7" />
            </button>
            <input
              id="move-quantity"
              type="number"
              inputMode="numeric"
              min={1}
              max={available ?? MAX_QUANTITY}
              value={Number.isNaN(quantity) ? '' : quantity}
              onChange={(e) => setQuantity(e.target.valueAsNumber)}
              className="field min-h-14 w-28 text-center font-mono text-2xl font-bold"
            />
            <button type="button" className="btn btn-secondary min-h-14 min-w-14 px-0" aria-label={t('more')} onClick={() => setQuantity((q) => (Number.isNaN(q) ? 1 : q + 1))}>
              <Plus aria-hidden className="size-7" />
            </button>
          </div>
          {available !== null && <p className="text-gray-800">{t('quantityAvailable', { count: available, unit })}</p>}
        </div>
      )}
      {needsHolder && index && index.members.length > 0 && (
        <label className="grid gap-1">
          <span className="text-lg font-bold">{t('holder')}</span>
          <select value={holder} onChange={(e) => setHolder(e.target.value)} className="field min-h-14 text-lg">
            {me && <option value={me.id}>{t('holderMe', { name: me.name })}</option>}
            {index.members
              .filter((m) => m.id !== userId)
              .map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
          </select>
        </label>
      )}
      <label className="grid gap-1">
        <span className="font-bold">{t('note')}</span>
        <input type="text" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} className="field" />
      </label>
      {error && (
        <p role="alert" className="rounded-lg border-2 border-red-700 bg-red-50 p-3 text-lg font-bold text-red-800">
          {error}
        </p>
      )}
      <div className="grid grid-cols-[auto_1fr] gap-2">
        <button type="button" onClick={onBack} className="btn btn-secondary min-h-16">
          {t('back')}
        </button>
        <button type="submit" disabled={busy} className="btn btn-primary min-h-16 text-xl">
          {submitLabel}
        </button>
      </div>
    </form>
  )
}
