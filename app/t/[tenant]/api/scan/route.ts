// GET <company>/api/scan?q=<scanned text or typed code> — the card of the tool a label or code names.
import { getTranslations } from 'next-intl/server'
import { withTenant } from '@/lib/db'
import { apiError } from '@/lib/http/errors'
import { memberOrError } from '@/lib/http/member'
import { hitLimit, limitKey } from '@/lib/rate-limit'
import { parseScanned } from '@/lib/scan/parse'
import { scanCard } from '@/lib/scan/queries'

export async function GET(request: Request) {
  const auth = await memberOrError('viewer')
  if ('response' in auth) return auth.response
  const t = await getTranslations('errors')
  const limited = await hitLimit('scan', limitKey('scan', auth.member.session.userId))
  if (limited) return apiError(429, 'RATE_LIMITED', t('SCAN_RATE_LIMITED', { seconds: limited.retryAfter }), undefined, { 'Retry-After': String(limited.retryAfter) })
  const target = parseScanned(new URL(request.url).searchParams.get('q') ?? '')
  const card = target ? await withTenant(auth.member.ctx, (tx) => scanCard(tx, target)) : null
  if (!card) return apiError(404, 'TOOL_NOT_FOUND', t('TOOL_NOT_FOUND'))
  return Response.json(card, { headers: { 'Cache-Control': 'private, no-store' } })
}
