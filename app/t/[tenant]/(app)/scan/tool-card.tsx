'use client'

import { MapPin, User, Wrench, X } from 'lucide-react'
import { useFormatter, useTranslations } from 'next-intl'
import { StatusBadge } from '@/components/status-badge'
import type { Card } from './model'

/** The scanned tool: code big, name, photo, where it is, who has it, units at home and on sites. */
export function ToolCard({ card, offlineAt, small = false, onRemove }: { card: Card; offlineAt?: string | null; small?: boolean; onRemove?: () => void }) {
  const t = useTranslations('scan')
  const ts = useTranslations('toolStatuses')
  const format = useFormatter()
  const unit = card.unit ?? ''
  const awayTotal = card.away.reduce((n, a) => n + a.quantity, 0)
  if (small) {
    return (
      <div className="flex items-center gap-3 rounded-lg border-2 border-gray-300 bg-white p-2" data-testid="batch-item">
        <div className="min-w-0 flex-1">
          <p className="font-mono text-xl font-black">{card.code}</p>
          <p className="truncate text-sm text-gray-800">
            {card.name} · {card.locationName ?? t('nobody')}
          </p>
        </div>
        {onRemove && (
          <button type="button" onClick={onRemove} className="btn btn-secondary min-h-12 min-w-12 px-2" aria-label={t('remove', { code: card.code })}>
            <X aria-hidden className="size-6" />
          </button>
        )}
      </div>
    )
  }
  return (
    <article className="card flex flex-col gap-3 border-2 border-gray-300" data-testid="tool-card" aria-label={card.code}>
      {offlineAt && (
        <p className="rounded bg-gray-200 px-2 py-1 text-sm font-bold text-gray-900">{t('offlineCard', { time: format.dateTime(new Date(offlineAt), { dateStyle: 'short', timeStyle: 'short' }) })}</p>
      )}
      <div className="flex gap-4">
        {card.photoUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- a signed, short-lived thumbnail; next/image would re-host it.
          <img src={card.photoUrl} alt={t('photoAlt', { name: card.name })} className="size-24 shrink-0 rounded-lg object-cover" />
        ) : (
          <div className="flex size-24 shrink-0 items-center justify-center rounded-lg bg-gray-100">
            <Wrench aria-hidden className="size-10 text-gray-500" />
          </div>
        )}
        <div className="min-w-0">
          <p className="font-mono text-4xl leading-tight font-black tracking-tight" data-testid="tool-code">
            {card.code}
          </p>
          <h2 className="text-xl font-bold">{card.name}</h2>
          <p className="text-sm text-gray-700">{[card.categoryName, card.manufacturer, card.modelNumber].filter(Boolean).join(' · ')}</p>
          {card.statusLabel || card.status !== 'normal' ? (
            <StatusBadge label={card.statusLabel ?? ts(`builtIn.${card.status}`)} color={card.statusColor} status={card.status} />
          ) : null}
        </div>
      </div>
      <dl className="grid gap-2 text-lg">
        <div className="flex items-center gap-2">
          <dt>
            <MapPin aria-hidden className="size-6" />
            <span className="sr-only">{t('where')}</span>
          </dt>
          <dd className="font-bold" data-testid="tool-place">
            {card.locationName ?? t('nobody')}
            {card.locationType && <span className="ml-2 rounded bg-gray-200 px-2 py-0.5 text-sm">{t(`types.${card.locationType}`)}</span>}
          </dd>
        </div>
        {card.managementType === 'individual' ? (
          <div className="flex items-center gap-2">
            <dt>
              <User aria-hidden className="size-6" />
              <span className="sr-only">{t('holder')}</span>
            </dt>
            <dd className="font-bold" data-testid="tool-holder">
              {card.holderName ?? t('nobody')}
            </dd>
          </div>
        ) : (
          <div>
            <dt className="sr-only">{t('quantity', { unit })}</dt>
            <dd className="font-bold" data-testid="tool-quantities">
              {t('atHome', { count: card.homeQuantity ?? 0, unit })} / {t('onSites', { count: awayTotal, unit })}
              {card.away.length > 0 && (
                <ul className="mt-1 text-base font-normal">
                  {card.away.map((a) => (
                    <li key={a.locationId}>{t('awayAt', { place: a.locationName, count: a.quantity, unit })}</li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        )}
      </dl>
      {card.recentMoves && card.recentMoves.length > 0 && (
        <details className="text-sm">
          <summary className="min-h-10 cursor-pointer font-bold">{t('lastMove')}</summary>
          <ul className="mt-1 grid gap-1" data-testid="recent-moves">
            {card.recentMoves.map((m) => (
              <li key={m.id}>
                {format.dateTime(new Date(m.movedAt), { dateStyle: 'short', timeStyle: 'short' })} {t(`actions.${m.type}`)} {m.fromName ?? ''} → {m.toName ?? ''} ({m.userName})
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  )
}
