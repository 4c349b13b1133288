'use client'

import { useTranslations } from 'next-intl'
import type { QueuedMove } from '@/lib/scan/queue'

const known = new Set([
  'TOOL_NOT_FOUND',
  'TOOL_DISPOSED',
  'MOVED_LATER',
  'LOCATION_NOT_FOUND',
  'LOCATION_CLOSED',
  'SITE_REQUIRED',
  'WAREHOUSE_REQUIRED',
  'ALREADY_THERE',
  'FROM_REQUIRED',
  'FORBIDDEN',
  'VALIDATION',
  'IN_FLIGHT',
])

/** The translated reason a move was refused (the server sends codes; INSUFFICIENT_QUANTITY says how many there are). */
export function useRefusal() {
  const t = useTranslations('scan.errors')
  return (item: Pick<QueuedMove, 'error' | 'label'>): string => {
    const code = item.error?.code ?? 'INTERNAL'
    if (code === 'INSUFFICIENT_QUANTITY') {
      const available = (item.error?.details as { available?: number | null } | undefined)?.available
      return typeof available === 'number' ? t('INSUFFICIENT_QUANTITY', { available, unit: item.label.unit ?? '' }) : t('INSUFFICIENT_QUANTITY_UNKNOWN')
    }
    return known.has(code) ? t(code as 'VALIDATION') : t('INTERNAL')
  }
}
