// GET <company>/movements/csv?<the movements page's filters>&encoding=shift_jis — the moves as a CSV for Excel.
import { getLocale } from 'next-intl/server'
import { withTenant } from '@/lib/db'
import { memberOrError } from '@/lib/http/member'
import { exportMovementsCsv } from '@/lib/movements/csv'
import { parseMovementSearchParams } from '@/lib/movements/queries'

export async function GET(request: Request) {
  const auth = await memberOrError('viewer')
  if ('response' in auth) return auth.response
  const params = new URL(request.url).searchParams
  const filters = parseMovementSearchParams(Object.fromEntries(params))
  const encoding = params.get('encoding') === 'shift_jis' ? 'shift_jis' : 'utf-8'
  const locale = (await getLocale()) === 'en' ? 'en' : 'ja'
  const csv = await withTenant(auth.member.ctx, (tx) => exportMovementsCsv(tx, { filters, encoding, locale }))
  return new Response(new Uint8Array(csv.body), {
    headers: {
      'Content-Type': csv.contentType,
      'Content-Disposition': `attachment; filename="${csv.fileName}"`,
      'Cache-Control': 'private, no-store',
      'X-Row-Count': String(csv.count),
      ...(csv.truncated ? { 'X-Truncated': 'true' } : {}),
    },
  })
}
