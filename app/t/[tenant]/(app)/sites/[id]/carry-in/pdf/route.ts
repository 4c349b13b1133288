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
  const id = (await params).id
  // What cannot be printed goes back to the form, filled in as it was, with the reason (this opens in a new tab:
  // a JSON error there would help nobody).
  const back = (problem: string, unknown: string[] = []) => {
    const query = new URLSearchParams([...search.entries()].filter(([k]) => k !== 'tool' && k !== 'chosen'))
    query.set('problem', problem)
    if (unknown.length) query.set('unknown', unknown.join(' '))
    return new Response(null, { status: 303, headers: { Location: `/sites/${encodeURIComponent(id)}/carry-in?${query}` } })
  }
  const parsed = carryInInput.safeParse(raw)
  if (!parsed.success) return back('invalid')
  const input = parsed.data
  const found = await withTenant(auth.member.ctx, async (tx) => {
    const site = isUuid(id) ? await getLocation(tx, { id }) : null
    if (!site || site.type !== 'site') return null
    const codes = input.extra ?? []
    const ids = await Promise.all(codes.map((code) => findToolIdByCode(tx, { code })))
    const unknown = codes.filter((_, i) => !ids[i])
    if (unknown.length) return { unknown }
    const extra = ids.filter((x): x is string => !!x)
    const tools = await carryInTools(tx, site.id, { only: input.chosen ? input.tool : undefined, extra })
    return { site, tools }
  })
  if (!found) return apiError(404, 'NOT_FOUND', te('NOT_FOUND'))
  if ('unknown' in found) return back('unknown', found.unknown)
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
