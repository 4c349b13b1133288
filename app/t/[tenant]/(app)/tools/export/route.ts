// GET /tools/export?encoding=utf-8|shift_jis&<the list's filters> — the register as a CSV for Japanese Excel.
import { getLocale } from 'next-intl/server'
import { exportToolsCsv } from '@/lib/csv/tool-export'
import { withTenant } from '@/lib/db'
import { memberOrError } from '@/lib/http/member'
import { parseToolListSearchParams } from '@/lib/tools/search-params'

export async function GET(request: Request) {
  const auth = await memberOrError()
  if ('response' in auth) return auth.response
  const { member } = auth
  const params = new URL(request.url).searchParams
  const encoding = params.get('encoding') === 'shift_jis' ? 'shift_jis' : 'utf-8'
  const { cursor: _cursor, limit: _limit, ...query } = parseToolListSearchParams(params)
  const locale = (await getLocale()) === 'en' ? 'en' : 'ja'
  const file = await withTenant(member.ctx, (tx) => exportToolsCsv(tx, { encoding, locale, query }))
  return new Response(new Uint8Array(file.body), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': 'private, no-store',
    },
  })
}
