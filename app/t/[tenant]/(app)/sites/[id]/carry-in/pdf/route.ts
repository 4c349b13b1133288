// GET <company>/sites/<id>/carry-in/pdf?… — the 持込機械等使用届 of a site as a PDF (the carry-in form's parameters).
import { getTranslations } from 'next-intl/server'
import { renderCarryInPdf } from '@/lib/carry-in/pdf'
import { carryInTools } from '@/lib/carry-in/queries'
import { carryInInput } from '@/lib/carry-in/schemas'
import { withTenant } from '@/lib/db'
import { apiError } from '@/lib/http/errors'
import { memberOrError } from '@/lib/http/member'
import { getLocation } from '@/lib/locations/queries'
import { findToolIdByCode } from '@/lib/tools/queries'
import { isUuid } from '@/lib/validation'

export async function GET(request: Request, { params }: RouteContext<'/t/[tenant]/sites/[id]/carry-in/pdf'>) {
  const auth = await memberOrError('viewer')
  if ('response' in auth) return auth.response
  const te = await getTranslations('errors')
  const search = new URL(request.url).searchParams
  const raw = Object.fromEntries([...search.keys()].map((k) => [k, search.getAll(k).length > 1 ? search.getAll(k) : search.get(k)]))
  const parsed = carryInInput.safeParse(raw)
  if (!parsed.success) return apiError(400, 'VALIDATION', te('VALIDATION'), { fields: parsed.error.issues.map((i) => i.path.join('.')) })
  const input = parsed.data
  const id = (await params).id
  const found = await withTenant(auth.member.ctx, async (tx) => {
    const site = isUuid(id) ? await getLocation(tx, { id }) : null
    if (!site || site.type !== 'site') return null
    const extra = (await Promise.all((input.extra ?? []).map((code) => findToolIdByCode(tx, { code })))).filter((x): x is string => !!x)
    const tools = await carryInTools(tx, site.id, { only: input.chosen ? input.tool : undefined, extra })
    return { site, tools }
  })
  if (!found) return apiError(404, 'NOT_FOUND', te('NOT_FOUND'))
  const pdf = await renderCarryInPdf({
    submittedOn: input.submittedOn,
    siteName: found.site.name,
    siteAddress: found.site.address,
    addressee: input.addressee ?? '',
    company: input.company,
    representative: input.representative ?? '',
    user: input.user ?? input.company,
    leaveOn: input.leaveOn ?? found.site.endsOn,
    arriveOn: input.arriveOn,
    notes: input.notes ?? '',
    tools: found.tools,
  })
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="carry-in-${input.submittedOn}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
