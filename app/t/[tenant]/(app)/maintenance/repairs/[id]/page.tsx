import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getFormatter, getTranslations } from 'next-intl/server'
import { ActionForm } from '@/components/action-form'
import { requireMember } from '@/lib/auth/member'
import { atLeast } from '@/lib/auth/roles'
import { withTenant } from '@/lib/db'
import { repairStatuses } from '@/lib/db/schema'
import { getRepair } from '@/lib/maintenance/queries'
import { updateRepairAction } from '../../actions'

export async function generateMetadata() {
  const t = await getTranslations('maintenance')
  return { title: t('repairTitle') }
}

/** One repair: what was reported (with the photo), and its progress, which leaders keep up to date. */
export default async function RepairPage({ params, searchParams }: PageProps<'/t/[tenant]/maintenance/repairs/[id]'>) {
  const me = await requireMember()
  const { id } = await params
  const repair = await withTenant(me.ctx, (tx) => getRepair(tx, id))
  if (!repair) notFound()
  const [t, format] = await Promise.all([getTranslations('maintenance'), getFormatter()])
  const reported = (await searchParams).reported === '1'
  const leader = atLeast(me.role, 'leader')
  const date = (iso: string | null) => (iso ? format.dateTime(new Date(`${iso}T00:00:00+09:00`), { dateStyle: 'medium' }) : '—')

  return (
    <main className="mx-auto flex w-full max-w-2xl flex-col gap-5">
      <Link href="/maintenance" className="inline-flex min-h-12 items-center font-bold text-blue-800 underline">
        {t('backToList')}
      </Link>
      {reported ? (
        <p role="status" className="rounded-lg border-2 border-green-700 bg-green-50 p-3 font-bold text-green-900">
          {t('reportSent')}
        </p>
      ) : null}
      <h1 className="text-2xl font-bold">{t('repairTitle')}</h1>
      <section className="card flex flex-col gap-3">
        <p>
          <span className="font-mono text-3xl font-bold">{repair.toolCode}</span> <span className="text-lg font-bold">{repair.toolName}</span>
        </p>
        <p data-testid="repair-status">
          <span className="rounded bg-gray-200 px-2 py-0.5 font-bold">{t(`status.${repair.status}`)}</span>
        </p>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-bold">{t('problem')}</dt>
          <dd className="whitespace-pre-wrap">{repair.problem}</dd>
          <dt className="font-bold">{t('reportedBy')}</dt>
          <dd>
            {repair.reporterName} · {format.dateTime(repair.reportedAt, { dateStyle: 'medium', timeStyle: 'short' })}
          </dd>
          <dt className="font-bold">{t('vendor')}</dt>
          <dd>{repair.vendor ?? '—'}</dd>
          <dt className="font-bold">{t('cost')}</dt>
          <dd>{repair.cost === null ? '—' : format.number(repair.cost, { style: 'currency', currency: 'JPY' })}</dd>
          <dt className="font-bold">{t('sentOn')}</dt>
          <dd>{date(repair.sentOn)}</dd>
          <dt className="font-bold">{t('completedOn')}</dt>
          <dd>{date(repair.completedOn)}</dd>
          <dt className="font-bold">{t('resolution')}</dt>
          <dd className="whitespace-pre-wrap">{repair.resolution ?? '—'}</dd>
        </dl>
        {repair.photoKey ? (
          <a href={`/maintenance/repairs/${repair.id}/photo`} className="self-start">
            {/* eslint-disable-next-line @next/next/no-img-element -- a private, already-small thumbnail behind the member check */}
            <img src={`/maintenance/repairs/${repair.id}/photo?size=thumb`} alt={t('photoAlt', { code: repair.toolCode })} className="max-h-64 rounded-lg border border-gray-300" />
          </a>
        ) : null}
      </section>

      {leader ? (
        <section className="card" aria-labelledby="progress-title">
          <h2 id="progress-title" className="text-xl font-bold">
            {t('progress')}
          </h2>
          <ActionForm action={updateRepairAction} hidden={{ id: repair.id }} className="mt-3 flex flex-col gap-3">
            <label className="flex flex-col gap-1 font-bold">
              {t('statusLabel')}
              <select name="status" defaultValue={repair.status} className="field">
                {repairStatuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`status.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1 font-bold">
              {t('vendor')}
              <input name="vendor" defaultValue={repair.vendor ?? ''} maxLength={100} className="field" />
            </label>
            <label className="flex flex-col gap-1 font-bold">
              {t('costYen')}
              <input name="cost" defaultValue={repair.cost ?? ''} inputMode="numeric" className="field" />
            </label>
            <div className="grid grid-cols-2 gap-3">
              <label className="flex flex-col gap-1 font-bold">
                {t('sentOn')}
                <input name="sentOn" type="date" defaultValue={repair.sentOn ?? ''} className="field" />
              </label>
              <label className="flex flex-col gap-1 font-bold">
                {t('completedOn')}
                <input name="completedOn" type="date" defaultValue={repair.completedOn ?? ''} className="field" />
              </label>
            </div>
            <label className="flex flex-col gap-1 font-bold">
              {t('resolution')}
              <textarea name="resolution" defaultValue={repair.resolution ?? ''} maxLength={1000} rows={3} className="field min-h-24 py-2" />
            </label>
            <button type="submit" className="btn btn-primary">
              {t('save')}
            </button>
          </ActionForm>
        </section>
      ) : null}
    </main>
  )
}
