import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ArrowLeft, ClipboardList, FileText, Pencil } from 'lucide-react'
import { getFormatter, getTranslations } from 'next-intl/server'
import { formatDate, formatDateTime, formatNumber } from '@/components/format'
import { StatusBadge } from '@/components/status-badge'
import { requireMember } from '@/lib/auth/member'
import { atLeast } from '@/lib/auth/roles'
import { listFieldDefinitions } from '@/lib/custom-fields/queries'
import { withTenant } from '@/lib/db'
import { getLocation } from '@/lib/locations/queries'
import { countTools, listTools } from '@/lib/tools/queries'
import { isUuid, todayIso } from '@/lib/validation'
import { CloseSite, PlaceToggle } from '../close-site'

export async function generateMetadata() {
  const t = await getTranslations('locations')
  return { title: t('detail.title') }
}

export default async function LocationPage({ params }: PageProps<'/t/[tenant]/locations/[id]'>) {
  const member = await requireMember()
  const { id } = await params
  const data = await withTenant(member.ctx, async (tx) => {
    const place = isUuid(id) ? await getLocation(tx, { id }) : null
    if (!place) return null
    return {
      place,
      tools: await listTools(tx, { locationId: [id], includeDisposed: true, limit: 200 }),
      count: await countTools(tx, { locationId: [id], includeDisposed: true }),
      fields: await listFieldDefinitions(tx, { entityType: 'location' }),
    }
  })
  if (!data) notFound()
  const { place, tools, count, fields } = data
  const [t, tt, ts, format] = await Promise.all([getTranslations('locations'), getTranslations('tools'), getTranslations('toolStatuses'), getFormatter()])
  const canEdit = atLeast(member.role, 'leader')
  const dash = '—'
  const rows: [string, React.ReactNode][] = [
    [t('fields.type'), t(`type.${place.type}`)],
    [t('fields.address'), place.address],
    [t('fields.managerName'), place.managerName],
    ...(place.type === 'site'
      ? ([
          [t('fields.startsOn'), formatDate(format, place.startsOn)],
          [t('fields.endsOn'), formatDate(format, place.endsOn)],
        ] as [string, React.ReactNode][])
      : []),
    ...fields.map((f): [string, React.ReactNode] => {
      const v = place.customFields[f.fieldKey]
      if (v === undefined || v === null || v === '') return [f.label, null]
      if (f.fieldType === 'date') return [f.label, formatDate(format, String(v))]
      if (f.fieldType === 'select') return [f.label, f.options.choices?.find((c) => c.value === v)?.label ?? String(v)]
      return [f.label, typeof v === 'number' ? formatNumber(format, v) : String(v)]
    }),
    ...(place.notes ? ([[t('fields.notes'), <span key="n" className="whitespace-pre-wrap">{place.notes}</span>]] as [string, React.ReactNode][]) : []),
  ]
  return (
    <main className="flex flex-col gap-6">
      <Link href="/locations" className="inline-flex min-h-12 items-center gap-2 self-start font-bold underline">
        <ArrowLeft aria-hidden className="size-5" />
        {t('title')}
      </Link>
      <header className="card flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <p className="flex items-center gap-2 font-bold text-gray-700">
            {t(`type.${place.type}`)}
            {place.isActive ? null : (
              <span className="rounded bg-gray-700 px-2 py-0.5 text-sm text-white">{place.type === 'site' ? t('list.closedBadge') : t('list.inactiveBadge')}</span>
            )}
          </p>
          <h1 className="text-2xl font-bold">{place.name}</h1>
          {place.closedAt ? <p className="mt-1 text-sm text-gray-700">{t('detail.closedAt', { date: formatDateTime(format, place.closedAt) ?? '' })}</p> : null}
        </div>
        {canEdit ? (
          <div className="flex flex-wrap gap-2">
            <Link href={`/locations/${place.id}/edit`} className="btn btn-accent">
              <Pencil aria-hidden className="size-5" />
              {t('actions.edit')}
            </Link>
            {place.type === 'site' ? (
              place.isActive ? (
                <>
                  <CloseSite id={place.id} name={place.name} today={todayIso()} />
                  <Link href={`/sites/${place.id}/close`} className="btn btn-secondary">
                    <ClipboardList aria-hidden className="size-5" />
                    {t('detail.closeOut')}
                  </Link>
                </>
              ) : (
                <PlaceToggle id={place.id} kind="reopen" />
              )
            ) : (
              <PlaceToggle id={place.id} kind={place.isActive ? 'deactivate' : 'activate'} />
            )}
          </div>
        ) : null}
        {place.type === 'site' && place.isActive ? (
          <Link href={`/sites/${place.id}/carry-in`} className="btn btn-secondary self-start">
            <FileText aria-hidden className="size-5" />
            {t('detail.carryIn')}
          </Link>
        ) : null}
      </header>
      <section className="card">
        <dl className="grid grid-cols-[minmax(7rem,auto)_1fr] gap-x-4 gap-y-2">
          {rows.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-gray-700">{k}</dt>
              <dd className="min-w-0 font-bold break-words">{v === null || v === undefined || v === '' ? dash : v}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="card flex flex-col gap-3" aria-labelledby="here">
        <h2 id="here" className="text-lg font-bold">
          {t('detail.toolsHere', { count })}
        </h2>
        {tools.items.length === 0 ? (
          <p className="text-gray-700">{t('detail.noTools')}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {tools.items.map((tool) => (
              <li key={tool.id}>
                <Link href={`/tools/${tool.id}`} className="flex min-h-12 flex-wrap items-center gap-3 rounded-lg border-2 border-gray-200 px-3 py-2">
                  <span className="font-mono text-lg font-black">{tool.toolCode}</span>
                  <span className="min-w-0 flex-1 font-bold">{tool.name}</span>
                  {tool.managementType === 'quantity' ? (
                    <span className="font-bold">
                      {tool.currentQuantity}
                      {tool.unit}
                    </span>
                  ) : null}
                  {tool.holderName ? <span className="text-sm text-gray-700">{tool.holderName}</span> : null}
                  <StatusBadge label={tool.statusLabel ?? ts(`builtIn.${tool.status}`)} color={tool.statusColor} status={tool.status} />
                </Link>
              </li>
            ))}
          </ul>
        )}
        {tools.nextCursor ? (
          <Link href={`/tools?locationId=${place.id}`} className="btn btn-secondary self-start">
            {tt('list.more')}
          </Link>
        ) : null}
      </section>
    </main>
  )
}
