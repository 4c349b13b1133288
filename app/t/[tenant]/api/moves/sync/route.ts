// POST <company>/api/moves/sync — queued moves from a phone: each applied once, in device-time order.
import { getTranslations } from 'next-intl/server'
import { apiError } from '@/lib/http/errors'
import { memberOrError } from '@/lib/http/member'
import { syncInput } from '@/lib/movements/schemas'
import { syncMoves } from '@/lib/movements/sync'
import { hitLimit, limitKey } from '@/lib/rate-limit'
import { invalid } from '@/lib/result'

export async function POST(request: Request) {
  const auth = await memberOrError('staff')
  if ('response' in auth) return auth.response
  const t = await getTranslations('errors')
  const body = await request.json().catch(() => null)
  const parsed = syncInput.safeParse(body)
  if (!parsed.success) return apiError(400, 'VALIDATION', t('VALIDATION'), invalid(parsed.error).error.fields)
  // One point per move: the scan limit (100 a minute) counts what a phone does, however it is sent.
  const limited = await hitLimit('scan', limitKey('scan', auth.member.session.userId), undefined, parsed.data.items.length)
  if (limited) return apiError(429, 'RATE_LIMITED', t('SCAN_RATE_LIMITED', { seconds: limited.retryAfter }), undefined, { 'Retry-After': String(limited.retryAfter) })
  const results = await syncMoves(auth.member.ctx, parsed.data.items)
  return Response.json({ results }, { headers: { 'Cache-Control': 'no-store' } })
}
