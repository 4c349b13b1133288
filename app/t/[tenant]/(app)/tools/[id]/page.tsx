import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ArrowLeft, ClipboardCheck, FileText, MapPin, Pencil, QrCode, Tags, TriangleAlert, User } from 'lucide-react'
import { getFormatter, getTranslations } from 'next-intl/server'
import { formatDate, formatDateTime, formatNumber, formatYen } from '@/components/format'
import { StatusBadge } from '@/components/status-badge'
import { listToolAttachments } from '@/lib/attachments/queries'
import { listInspections, listRepairs, toolSchedules } from '@/lib/maintenance/queries'
import { requireMember } from '@/lib/auth/member'
import { atLeast } from '@/lib/auth/roles'
import { withTenant } from '@/lib/db'
import { storageLimits } from '@/lib/storage/limits'
import { listToolStatuses } from '@/lib/tool-statuses/queries'
import { getTool } from '@/lib/tools/queries'
import { todayIso } from '@/lib/validation'
import { ToolHistory } from '../../_components/tool-history'
import { DeleteFile, UploadFile } from '../attachments'
import { DeleteTool, DisposeTool, RestoreTool, StatusChange } from '../tool-actions'

export async function generateMetadata({ params }: PageProps<'/t/[tenant]/tools/[id]'>) {
  const t = await getTranslations('tools')
  return { title: `${t('detail.title')} ${(await params).id.slice(0, 8)}` }
}

export default async function ToolPage({ params }: PageProps<'/t/[tenant]/tools/[id]'>) {
  const member = await requireMember()
  const { id } = await params
  const data = await withTenant(member.ctx, async (tx) => {
    const tool = await getTool(tx, { id, includeDeleted: true })
    if (!tool) return null
    return {
      tool,
      files: await listToolAttachments(tx, { toolId: id }),
      statuses: await listToolStatuses(tx),
      schedules: await toolSchedules(tx, id),
      repairs: await listRepairs(tx, { toolId: id, status: 'open' }, 5),
      inspections: await listInspections(tx, { toolId: id, limit: 3 }),
    }
  })
  if (!data) notFound()
  const { tool, files, statuses, schedules, repairs, inspections } = data
  const today = todayIso()
  const canMove = atLeast(member.role, 'staff') && !tool.deletedAt && tool.status !== 'disposed'
  const [t, ts, tk, tm, format] = await Promise.all([
    getTranslations('tools'),
    getTranslations('toolStatuses'),
    getTranslations('storage.kind'),
    getTranslations('maintenance'),
    getFormatter(),
  ])
  const canEdit = atLeast(member.role, 'leader') && !tool.deletedAt
  const canSetStatus = atLeast(member.role, 'staff') && !tool.deletedAt
  const photos = files.filter((f) => f.kind === 'photo')
  const documents = files.filter((f) => f.kind !== 'photo')
  const statusLabel = tool.statusLabel ?? ts(`builtIn.${tool.status}`)
  const dash = '—'
  const basic: [string, React.ReactNode][] = [
    [t('fields.category'), tool.categoryName],
    [t('fields.manufacturer'), tool.manufacturer],
    [t('fields.modelNumber'), tool.modelNumber],
    [t('fields.serialNumber'), tool.serialNumber],
    [t('fields.purchaseDate'), formatDate(format, tool.purchaseDate)],
    [t('fields.purchasePrice'), formatYen(format, tool.purchasePrice)],
    [t('fields.usefulLifeYears'), tool.usefulLifeYears ? t('detail.years', { count: tool.usefulLifeYears }) : null],
    [t('fields.status'), <StatusBadge key="s" label={statusLabel} color={tool.statusColor} status={tool.status} />],
    [t('fields.managementType'), t(`managementType.${tool.managementType}`)],
  ]
  if (tool.managementType === 'quantity') {
    basic.push([
      t('fields.currentQuantity'),
      <span key="q" className={`font-bold ${tool.lowStock ? 'text-red-800' : ''}`}>
        {formatNumber(format, tool.currentQuantity)} {tool.unit}
        {tool.lowStock ? <span className="ml-2 rounded bg-red-700 px-2 py-0.5 text-sm text-white">{t('list.lowStock')}</span> : null}
      </span>,
    ])
    basic.push([t('fields.minStockAlert'), tool.minStockAlert === null ? null : `${formatNumber(format, tool.minStockAlert)} ${tool.unit ?? ''}`])
  }
  if (tool.manualUrl) {
    basic.push([
      t('fields.manualUrl'),
      <a key="m" href={tool.manualUrl} className="break-all underline" rel="noopener noreferrer" target="_blank">
        {tool.manualUrl}
      </a>,
    ])
  }
  if (tool.notes) basic.push([t('fields.notes'), <span key="n" className="whitespace-pre-wrap">{tool.notes}</span>])
  const customValue = (v: (typeof tool.customFieldValues)[number]) => {
    if (v.value === null || v.value === '') return null
    if (v.definition.fieldType === 'date') {
      const date = formatDate(format, String(v.value))
      // A due date that has passed (calibration, rental return) is said in words, not only in colour.
      return v.definition.isDueDate && String(v.value) < todayIso() ? (
        <span className="text-red-800">
          {date}
          <span className="ml-2 rounded bg-red-700 px-2 py-0.5 text-sm text-white">{t('detail.overdue')}</span>
        </span>
      ) : (
        date
      )
    }
    if (v.definition.fieldType === 'number') return typeof v.value === 'number' ? formatNumber(format, v.value) : String(v.value)
    if (v.definition.fieldType === 'select') return v.definition.options.choices?.find((c) => c.value === v.value)?.label ?? String(v.value)
    return String(v.value)
  }
  const statusOptions = [
    ...(['normal', 'repair', 'broken'] as const).map((s) => ({ value: s, label: ts(`builtIn.${s}`) })),
    ...statuses.map((s) => ({ value: `id:${s.id}`, label: s.label })),
  ]
  const currentStatus = tool.statusId ? `id:${tool.statusId}` : tool.status === 'disposed' ? 'normal' : tool.status

  return (
    <main className="flex flex-col gap-6">
      <Link href="/tools" className="inline-flex min-h-12 items-center gap-2 self-start font-bold underline">
        <ArrowLeft aria-hidden className="size-5" />
        {t('title')}
      </Link>
      {tool.deletedAt ? (
        <div role="status" className="flex flex-col gap-3 rounded-xl border-2 border-gray-700 bg-gray-100 p-4 sm:flex-row sm:items-center sm:justify-between">
          <p className="font-bold">{t('detail.inTrash', { date: formatDate(format, tool.deletedAt) ?? '' })}</p>
          {atLeast(member.role, 'admin') ? <RestoreTool id={tool.id} code={tool.toolCode} /> : null}
        </div>
      ) : null}
      <header className="card flex flex-col gap-3 sm:flex-row sm:items-start">
        {photos[0]?.thumbnailUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- signed, short-lived links
          <img src={photos[0].thumbnailUrl} alt="" className="size-28 shrink-0 rounded-lg object-cover" />
        ) : null}
        <div className="min-w-0 flex-1">
          <p className="font-mono text-4xl font-black tracking-wide" aria-label={t('fields.toolCode')}>
            {tool.toolCode}
          </p>
          <h1 className="mt-1 text-2xl font-bold">{tool.name}</h1>
          <p className="mt-2 flex flex-wrap items-center gap-3">
            <StatusBadge label={statusLabel} color={tool.statusColor} status={tool.status} large />
            <span className="text-sm text-gray-600">
              {t('detail.internalId')}: <span className="font-mono break-all">{tool.id}</span>
            </span>
          </p>
          {tool.status === 'disposed' ? (
            <p className="mt-3 rounded-lg bg-gray-100 p-3">
              <span className="font-bold">{t('detail.disposedOn', { date: formatDate(format, tool.disposedOn) ?? dash })}</span>
              <span className="block whitespace-pre-wrap">{tool.disposalReason}</span>
            </p>
          ) : null}
        </div>
        {canEdit ? (
          <Link href={`/tools/${tool.id}/edit`} className="btn btn-accent self-start">
            <Pencil aria-hidden className="size-5" />
            {t('detail.edit')}
          </Link>
        ) : null}
      </header>

      {canMove ? (
        <nav aria-label={t('detail.quick')} className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap">
          <Link href={`/scan?id=${tool.id}`} className="btn btn-primary min-h-14">
            <QrCode aria-hidden className="size-6" />
            {t('detail.move')}
          </Link>
          <Link href={`/maintenance/report?tool=${tool.id}`} className="btn btn-secondary min-h-14">
            <TriangleAlert aria-hidden className="size-6" />
            {t('detail.reportBreakage')}
          </Link>
          <Link href={`/maintenance/inspect?tool=${tool.id}`} className="btn btn-secondary min-h-14">
            <ClipboardCheck aria-hidden className="size-6" />
            {t('detail.recordInspection')}
          </Link>
          {canEdit ? (
            <Link href={`/labels?tool=${tool.id}`} className="btn btn-secondary min-h-14">
              <Tags aria-hidden className="size-6" />
              {t('detail.printLabel')}
            </Link>
          ) : null}
        </nav>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <section className="card" aria-labelledby="basic">
          <h2 id="basic" className="mb-3 text-lg font-bold">
            {t('detail.basic')}
          </h2>
          <Dl rows={basic} dash={dash} />
        </section>
        <div className="flex flex-col gap-6">
          <section className="card" aria-labelledby="place">
            <h2 id="place" className="mb-3 text-lg font-bold">
              {t('detail.place')}
            </h2>
            <p className="flex min-h-10 items-center gap-2 text-lg font-bold">
              <MapPin aria-hidden className="size-6 shrink-0" />
              {tool.currentLocationId ? (
                <Link href={`/locations/${tool.currentLocationId}`} className="underline">
                  {tool.locationName}
                </Link>
              ) : (
                t('detail.noPlace')
              )}
            </p>
            <p className="flex min-h-10 items-center gap-2 text-lg">
              <User aria-hidden className="size-6 shrink-0" />
              {tool.holderName ?? t('detail.noHolder')}
            </p>
            <p className="mt-1 text-sm text-gray-700">{t('detail.updatedAt', { date: formatDateTime(format, tool.updatedAt) ?? dash })}</p>
          </section>
          {tool.customFieldValues.length ? (
            <section className="card" aria-labelledby="custom">
              <h2 id="custom" className="mb-3 text-lg font-bold">
                {t('detail.custom')}
              </h2>
              <Dl rows={tool.customFieldValues.map((v) => [v.definition.label, customValue(v)])} dash={dash} />
            </section>
          ) : null}
          {canSetStatus ? (
            <section className="card flex flex-col gap-4" aria-labelledby="actions">
              <h2 id="actions" className="text-lg font-bold">
                {t('detail.actions')}
              </h2>
              <StatusChange id={tool.id} current={currentStatus} statuses={statusOptions} />
              {canEdit ? (
                <div className="flex flex-wrap gap-2">
                  {tool.status !== 'disposed' ? <DisposeTool id={tool.id} today={today} /> : null}
                  <DeleteTool id={tool.id} code={tool.toolCode} />
                </div>
              ) : null}
            </section>
          ) : null}
        </div>
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        {tool.deletedAt ? null : <ToolHistory ctx={member.ctx} toolId={tool.id} />}
        <section className="card flex flex-col gap-3" aria-labelledby="maintenance" data-testid="tool-maintenance">
          <h2 id="maintenance" className="text-xl font-bold">
            {t('detail.maintenance')}
          </h2>
          {schedules.length ? (
            <ul className="flex flex-col gap-1">
              {schedules.map((s) => (
                <li key={s.id} className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-bold">{s.name}</span>
                  <span className={s.dueOn < today ? 'font-bold text-red-800' : ''}>
                    {t('detail.nextDue', { date: formatDate(format, s.dueOn) ?? dash })}
                    {s.dueOn < today ? <span className="ml-2 rounded bg-red-700 px-2 py-0.5 text-sm text-white">{t('detail.overdue')}</span> : null}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-gray-700">{t('detail.noSchedules')}</p>
          )}
          <h3 className="font-bold">{t('detail.openRepairs')}</h3>
          {repairs.length ? (
            <ul className="flex flex-col gap-1">
              {repairs.map((r) => (
                <li key={r.id}>
                  <Link href={`/maintenance/repairs/${r.id}`} className="underline">
                    {formatDate(format, r.reportedAt)} · {r.problem}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-gray-700">{t('detail.noOpenRepairs')}</p>
          )}
          <h3 className="font-bold">{t('detail.lastInspections')}</h3>
          {inspections.length ? (
            <ul className="flex flex-col gap-1">
              {inspections.map((i) => (
                <li key={i.id}>
                  {formatDate(format, i.performedOn)} · {i.scheduleName ?? '—'} · {i.result === 'pass' ? t('detail.passed') : t('detail.failed')}
                  {i.color ? ` · ${tm('colorTag', { color: i.color })}` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-gray-700">{t('detail.noInspections')}</p>
          )}
        </section>
      </div>

      <section className="card flex flex-col gap-4" aria-labelledby="photos">
        <h2 id="photos" className="text-lg font-bold">
          {t('detail.photos')}
        </h2>
        {photos.length ? (
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
            {photos.map((p) => (
              <li key={p.id} className="flex flex-col gap-1">
                <a href={p.url} target="_blank" rel="noopener" className="block overflow-hidden rounded-lg border border-gray-300 bg-gray-100">
                  {/* eslint-disable-next-line @next/next/no-img-element -- signed, short-lived links */}
                  <img src={p.thumbnailUrl ?? p.url} alt={p.originalName} className="aspect-square w-full object-cover" loading="lazy" />
                </a>
                {canEdit ? <DeleteFile id={p.id} name={p.originalName} /> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-gray-700">{t('detail.noPhotos')}</p>
        )}
        {canEdit ? <UploadFile toolId={tool.id} kind="photo" maxBytes={storageLimits(member.tenant.plan, null).maxFileBytes} /> : null}
      </section>

      <section className="card flex flex-col gap-4" aria-labelledby="documents">
        <h2 id="documents" className="text-lg font-bold">
          {t('detail.documents')}
        </h2>
        {documents.length ? (
          <ul className="flex flex-col gap-2">
            {documents.map((d) => (
              <li key={d.id} className="flex items-center gap-2">
                <a href={d.url} target="_blank" rel="noopener" className="flex min-h-12 flex-1 items-center gap-3 rounded-lg border-2 border-gray-300 px-3 font-bold">
                  <FileText aria-hidden className="size-6 shrink-0" />
                  <span className="min-w-0 flex-1 truncate">{d.originalName}</span>
                  <span className="shrink-0 text-sm font-normal text-gray-700">{tk(d.kind)}</span>
                </a>
                {canEdit ? <DeleteFile id={d.id} name={d.originalName} /> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-gray-700">{t('detail.noDocuments')}</p>
        )}
        {canEdit ? <UploadFile toolId={tool.id} kind="document" maxBytes={storageLimits(member.tenant.plan, null).maxFileBytes} /> : null}
      </section>
    </main>
  )
}

function Dl({ rows, dash }: { rows: [string, React.ReactNode][]; dash: string }) {
  return (
    <dl className="grid grid-cols-[minmax(7rem,auto)_1fr] gap-x-4 gap-y-2">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-gray-700">{k}</dt>
          <dd className="min-w-0 font-bold break-words">{v === null || v === undefined || v === '' ? dash : v}</dd>
        </div>
      ))}
    </dl>
  )
}
