'use client'

import { RefreshCw, Send, Trash2 } from 'lucide-react'
import { useFormatter, useTranslations } from 'next-intl'
import { useQueue } from '@/components/offline/queue-provider'
import { useRefusal } from './messages'

/** The queue, move by move: what waits to be sent, and what the server refused (discard it, or do it again now). */
export function QueuePanel() {
  const t = useTranslations('queue')
  const ts = useTranslations('scan')
  const format = useFormatter()
  const refusal = useRefusal()
  const { items, online, syncing, stopped, flush, discard, redo } = useQueue()
  const waiting = items.filter((i) => i.state === 'pending')
  const refused = items.filter((i) => i.state === 'refused')
  const note =
    !online || stopped?.kind === 'network'
      ? t('offlineNote')
      : stopped?.kind === 'signed_out'
        ? t('signedOut')
        : stopped?.kind === 'forbidden'
          ? t('forbidden')
          : stopped?.kind === 'rate_limited'
            ? stopped.message
            : stopped?.kind === 'failed'
              ? t('serverTrouble')
              : null
  return (
    <section id="queue" aria-labelledby="queue-title" className="card flex scroll-mt-4 flex-col gap-3" data-testid="queue-panel">
      <h2 id="queue-title" className="text-xl font-bold">
        {t('title')}
      </h2>
      {items.length === 0 ? (
        <p className="text-gray-700">{t('empty')}</p>
      ) : (
        <>
          {waiting.length > 0 && (
            <p className="text-lg font-bold" data-testid="queue-waiting">
              {t('waitingCount', { count: waiting.length })}
            </p>
          )}
          {refused.length > 0 && (
            <p className="text-lg font-bold text-red-800" data-testid="queue-refused">
              {t('refusedCount', { count: refused.length })}
            </p>
          )}
          {note && items.some((i) => i.state === 'pending') && (
            <p role="status" className="rounded bg-gray-200 p-2 font-bold">
              {note}
            </p>
          )}
          <ul className="grid gap-2">
            {items.map((item) => (
              <li key={item.clientId} data-testid="queue-item" data-state={item.state} className={`rounded-lg border-2 p-3 ${item.state === 'refused' ? 'border-red-700 bg-red-50' : 'border-gray-300'}`}>
                <p className="font-mono text-xl font-black">{item.label.toolCode}</p>
                <p>
                  {ts(`actions.${item.move.action}`)}
                  {item.label.placeName ? ` → ${item.label.placeName}` : ''}
                  {item.move.quantity ? ` × ${item.move.quantity}${item.label.unit ?? ''}` : ''}
                </p>
                <p className="text-sm text-gray-700">{t('madeAt', { time: format.dateTime(new Date(item.move.movedAt), { dateStyle: 'short', timeStyle: 'short' }) })}</p>
                {item.state === 'refused' ? (
                  <>
                    <p role="alert" className="mt-1 font-bold text-red-800">
                      {t('refused')}: {refusal(item)}
                    </p>
                    <div className="mt-2 grid grid-cols-2 gap-2">
                      <button type="button" onClick={() => void discard(item.clientId)} className="btn btn-secondary">
                        <Trash2 aria-hidden className="size-5" />
                        {t('discard')}
                      </button>
                      <button type="button" onClick={() => void redo(item.clientId)} className="btn btn-primary">
                        <RefreshCw aria-hidden className="size-5" />
                        {t('redo')}
                      </button>
                    </div>
                  </>
                ) : (
                  <p className="mt-1 text-sm font-bold">{t('waiting')}</p>
                )}
              </li>
            ))}
          </ul>
          {waiting.length > 0 && (
            <button type="button" onClick={() => void flush()} disabled={syncing} className="btn btn-accent min-h-14 text-lg">
              <Send aria-hidden className="size-6" />
              {syncing ? t('sending') : t('sendNow')}
            </button>
          )}
        </>
      )}
    </section>
  )
}
