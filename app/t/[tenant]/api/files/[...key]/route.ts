// GET /api/files/<key>?exp=&sig= — a tool's photo or document, only through a signed, short-lived link of the member's company.
import { getTranslations } from 'next-intl/server'
import { openFileLink } from '@/lib/attachments/queries'
import { currentMember } from '@/lib/auth/member'
import { apiError } from '@/lib/http/errors'
import { getStorage } from '@/lib/storage'

export async function GET(request: Request, { params }: RouteContext<'/t/[tenant]/api/files/[...key]'>) {
  const member = await currentMember()
  const search = new URL(request.url).searchParams
  const key = (await params).key.join('/')
  const opened = member
    ? await openFileLink(getStorage(), { key, exp: search.get('exp'), sig: search.get('sig'), organizationId: member.tenant.id })
    : null
  // Every refusal (no session, bad or expired link, another company's key, no such file) looks the same.
  if (!opened?.ok) return apiError(404, 'NOT_FOUND', (await getTranslations('storage.errors'))('NOT_FOUND'))
  return new Response(new Uint8Array(opened.file.body), {
    headers: {
      'Content-Type': opened.file.contentType,
      'Content-Length': String(opened.file.size),
      'Cache-Control': 'private, max-age=300',
      'Content-Disposition': 'inline',
    },
  })
}
