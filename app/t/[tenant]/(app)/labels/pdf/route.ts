// POST <company>/labels/pdf — the label PDF the labels page asks for (chosen tools, a category, a location,
// new blank labels, a blank batch again). GET with the same fields in the query serves links; it never issues labels.
import { getTranslations } from 'next-intl/server'
import { withTenant } from '@/lib/db'
import { apiError } from '@/lib/http/errors'
import { memberOrError } from '@/lib/http/member'
import { prepareLabels } from '@/lib/labels/document'
import { renderLabelsPdf } from '@/lib/labels/pdf'
import { labelRequestFromForm } from '@/lib/labels/schemas'

async function labelsPdf(input: Record<string, unknown>) {
  const auth = await memberOrError('leader')
  if ('response' in auth) return auth.response
  const { member } = auth
  const [t, tl] = await Promise.all([getTranslations('errors'), getTranslations('labels')])
  const prepared = await withTenant(member.ctx, (tx) =>
    prepareLabels(tx, { subdomain: member.tenant.subdomain, name: member.tenant.name, userId: member.session.userId }, input, { blank: tl('blankText') }),
  )
  if (!prepared.ok) {
    const { code, fields, details } = prepared.error
    const status = code === 'VALIDATION' ? 422 : code === 'FORBIDDEN' ? 403 : code === 'NOT_FOUND' ? 404 : 409
    const message = code === 'VALIDATION' || code === 'FORBIDDEN' || code === 'NOT_FOUND' ? t(code) : tl(`errors.${code as 'NOTHING_TO_PRINT' | 'TOO_MANY_LABELS'}`, { max: Number(details?.max ?? 0) })
    return apiError(status, code, message, fields ?? details)
  }
  const pdf = await renderLabelsPdf(prepared.data.job)
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${prepared.data.fileName}"`,
      'Cache-Control': 'private, no-store',
      'X-Label-Count': String(prepared.data.labels),
      'X-Sheet-Count': String(prepared.data.sheets),
    },
  })
}

export async function POST(request: Request) {
  // A form posted from another site must not print (or issue) labels with this member's session.
  const site = request.headers.get('sec-fetch-site')
  if (site && site !== 'same-origin' && site !== 'none') {
    const t = await getTranslations('errors')
    return apiError(403, 'FORBIDDEN', t('FORBIDDEN'))
  }
  const form = await request.formData().catch(() => null)
  return labelsPdf(form ? labelRequestFromForm(form) : {})
}

export async function GET(request: Request) {
  const input = labelRequestFromForm(new URL(request.url).searchParams)
  if (input.source === 'blank') {
    const t = await getTranslations('labels.errors')
    return apiError(405, 'BLANK_NEEDS_POST', t('BLANK_NEEDS_POST'), undefined, { Allow: 'POST' })
  }
  return labelsPdf(input)
}
