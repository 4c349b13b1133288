'use client'

import Link from 'next/link'
import { CloudOff, Loader2, TriangleAlert, UploadCloud } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { useQueue } from './queue-provider'

/** In the header of every page: offline, and how many moves wait to be sent or need a decision. */
export function QueueBadge() {
  const t = useTranslations('queue')
  const { items, online, syncing } = useQueue()
  const waiting = items.filter((i) => i.state === 'pending').length
  const refused = items.length - waiting
  if (online && items.length === 0) return null
  return (
    <Link
      href="/scan#queue"
      data-testid="queue-badge"
      className={`flex min-h-10 items-center gap-1.5 rounded-full px-3 text-sm font-bold ${refused ? 'bg-red-700 text-white' : 'bg-brand-400 text-ink'}`}
    >
      {!online ? <CloudOff aria-hidden className="size-5" /> : syncing ? <Loader2 aria-hidden className="size-5 animate-spin" /> : refused ? <TriangleAlert aria-hidden className="size-5" /> : <UploadCloud aria-hidden className="size-5" />}
      <span>{!online && items.length === 0 ? t('offline') : refused ? t('badgeRefused', { count: refused }) : t('badgeWaiting', { count: waiting })}</span>
    </Link>
  )
}
