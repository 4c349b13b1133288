import { useFormatter, useTranslations } from 'next-intl'
import type { MovementListItem } from '@/lib/movements/queries'

const typeColors: Record<MovementListItem['type'], string> = {
  checkout: 'bg-brand-100 text-ink border-brand-500',
  checkin: 'bg-green-100 text-green-900 border-green-700',
  transfer: 'bg-blue-100 text-blue-900 border-blue-700',
  consume: 'bg-gray-200 text-gray-900 border-gray-500',
}

/** The kind of move as a coloured badge (colour and word together: never colour alone). */
export function MoveType({ type }: { type: MovementListItem['type'] }) {
  const t = useTranslations('movementHistory.types')
  return <span className={`inline-block rounded border px-2 py-0.5 text-sm font-bold whitespace-nowrap ${typeColors[type]}`}>{t(type)}</span>
}

/** "from → to", with "(used up)" when a consumable was used on site. */
export function Route({ move }: { move: Pick<MovementListItem, 'fromName' | 'toName'> }) {
  const t = useTranslations('movementHistory')
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span>{move.fromName ?? '—'}</span>
      {/* A character, not an icon: a page of history draws a hundred of them. */}
      <span aria-hidden>→</span>
      <span className="font-bold">{move.toName ?? t('consumed')}</span>
    </span>
  )
}

export function MoveTime({ at }: { at: Date }) {
  const format = useFormatter()
  return <time dateTime={at.toISOString()}>{format.dateTime(at, { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' })}</time>
}

/** One move as a card, for phones (and the tool page's short history). */
export function MovementCard({ move, showTool = true }: { move: MovementListItem; showTool?: boolean }) {
  const t = useTranslations('movementHistory')
  return (
    <div className="flex flex-col gap-1" data-testid="movement-card">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="flex items-center gap-2">
          <MoveType type={move.type} />
          {move.unit ? <span className="font-bold">{t('quantity', { quantity: move.quantity, unit: move.unit })}</span> : null}
        </span>
        <span className="text-sm text-gray-700">
          <MoveTime at={move.movedAt} />
        </span>
      </div>
      {showTool ? (
        <p>
          <span className="text-lg font-bold">{move.toolCode}</span> <span className="text-gray-800">{move.toolName}</span>
        </p>
      ) : null}
      <Route move={move} />
      <p className="text-sm text-gray-700">
        {move.userName}
        {move.holderName && move.holderName !== move.userName ? ` · ${t('holderIs', { name: move.holderName })}` : ''}
        {move.note ? ` · ${move.note}` : ''}
      </p>
    </div>
  )
}
