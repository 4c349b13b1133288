// GET <company>/maintenance/repairs/<id>/photo[?size=thumb] — the photo of a breakage report, for members of its company.
import { getTranslations } from 'next-intl/server'
import { withTenant } from '@/lib/db'
import { apiError } from '@/lib/http/errors'
import { memberOrError } from '@/lib/http/member'
import { getRepair } from '@/lib/maintenance/queries'
import { getStorage } from '@/lib/storage'

export async function GET(request: Request, { params }: RouteContext<'/t/[tenant]/maintenance/repairs/[id]/photo'>) {
  const auth = await memberOrError('viewer')
  if ('response' in auth) return auth.response
  const repair = await withTenant(auth.member.ctx, async (tx) => getRepair(tx, (await params).id))
  const thumb = new URL(request.url).searchParams.get('size') === 'thumb'
  const key = thumb ? (repair?.photoThumbnailKey ?? repair?.photoKey) : repair?.photoKey
  const file = key ? await getStorage().get(key) : null
  if (!file) return apiError(404, 'NOT_FOUND', (await getTranslations('errors'))('NOT_FOUND'))
  return new Response(new Uint8Array(file.body), {
    headers: { 'Content-Type': file.contentType, 'Content-Length': String(file.size), 'Cache-Control': 'private, max-age=300', 'X-Content-Type-Options': 'nosniff' },
  })
}
