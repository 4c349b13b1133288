import { redirect } from 'next/navigation'
import { getFormatter, getTranslations } from 'next-intl/server'
import { ActionForm } from '@/components/action-form'
import { requireMember } from '@/lib/auth/member'
import { withTenant } from '@/lib/db'
import { listInspections, toolHeader, toolSchedules } from '@/lib/maintenance/queries'
import { getManagementSettings, inspectionColor } from '@/lib/maintenance/settings'
import { findToolIdByCode } from '@/lib/tools/queries'
import { todayIso } from '@/lib/validation'
import { inspectAction } from '../actions'
import { ToolPicker } from '../tool-picker'
import { normalizeToolCode } from '@/lib/tools/codes'

export async function generateMetadata() {
  const t = await getTranslations('maintenance')
  return { title: t('inspectTitle') }
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

/** Records an inspection of one tool (月例点検 with this month's colour, 定期点検, 校正), on a phone beside the tool. */
export default async function InspectPage({ searchParams }: PageProps<'/t/[tenant]/maintenance/inspect'>) {
  const me = await requireMember({ atLeast: 'staff' })
  const sp = await searchParams
  const typed = one(sp.code)
  const code = typed ? normalizeToolCode(typed) : undefined
  if (code) {
    const id = await withTenant(me.ctx, (tx) => findToolIdByCode(tx, { code }))
    if (id) redirect(`/maintenance/inspect?tool=${id}`)
  }
  const today = todayIso()
  const { tool, schedules, history, settings } = await withTenant(me.ctx, async (tx) => {
    const tool = await toolHeader(tx, one(sp.tool))
    return {
      tool,
      settings: await getManagementSettings(tx),
      schedules: tool ? await toolSchedules(tx, tool.id) : [],
      history: tool ? await listInspections(tx, { toolId: tool.id, limit: 5 }) : [],
    }
  })
  const [t, format] = await Promise.all([getTranslations('maintenance'), getFormatter()])
  const color = inspectionColor(settings, today)
  const date = (iso: string) => format.dateTime(new Date(`${iso}T00:00:00+09:00`), { dateStyle: 'medium' })
  const done = one(sp.done) ? history.find((h) => h.id === one(sp.done)) : undefined
  const preselected = one(sp.schedule) ?? schedules[0]?.id ?? ''

  return (
    <main className="mx-auto flex w-full max-w-xl flex-col gap-5">
      <h1 className="text-2xl font-bold">{t('inspectTitle')}</h1>
      <p className="card flex items-center gap-3 text-lg font-bold" data-testid="month-color">
        <span aria-hidden className="inline-block size-10 rounded border-2 border-gray-500" style={{ background: color.hex }} />
        {t('thisMonthColor', { color: color.name })}
      </p>
      {!tool ? (
        <ToolPicker action="/maintenance/inspect" label={t('toolCode')} hint={t('toolCodeHint')} submit={t('next')} notFound={code ? t('codeNotFound', { code }) : null} />
      ) : (
        <>
          {done ? (
            <p role="status" className="rounded-lg border-2 border-green-700 bg-green-50 p-3 font-bold text-green-900">
              {done.color ? t('inspectionSavedColor', { color: done.color }) : t('inspectionSaved')}
            </p>
          ) : null}
          <div className="card">
            <p className="font-mono text-3xl font-bold">{tool.toolCode}</p>
            <p className="text-lg font-bold">{tool.name}</p>
          </div>
          <ActionForm action={inspectAction} hidden={{ toolId: tool.id }} className="card flex flex-col gap-4">
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 font-bold">{t('whichInspection')}</legend>
              {schedules.map((s) => (
                <label key={s.id} className="flex min-h-12 items-center gap-3 rounded-lg border-2 border-gray-300 px-3">
                  <input type="radio" name="scheduleId" value={s.id} defaultChecked={s.id === preselected} className="size-5" />
                  <span>
                    <span className="font-bold">{s.name}</span>{' '}
                    <span className={`text-sm ${s.dueOn < today ? 'font-bold text-red-800' : 'text-gray-700'}`}>
                      {s.dueOn < today ? t('overdueSince', { date: date(s.dueOn) }) : t('nextDue', { date: date(s.dueOn) })}
                    </span>
                  </span>
                </label>
              ))}
              <label className="flex min-h-12 items-center gap-3 rounded-lg border-2 border-gray-300 px-3">
                <input type="radio" name="scheduleId" value="" defaultChecked={!preselected} className="size-5" />
                <span className="font-bold">{t('unscheduled')}</span>
              </label>
            </fieldset>
            <fieldset className="grid grid-cols-2 gap-3">
              <legend className="mb-1 font-bold">{t('resultLabel')}</legend>
              <label className="flex min-h-14 items-center justify-center gap-2 rounded-lg border-2 border-green-700 bg-green-50 text-lg font-bold has-[:checked]:bg-green-700 has-[:checked]:text-white">
                <input type="radio" name="result" value="pass" defaultChecked className="size-5" />
                {t('result.pass')}
              </label>
              <label className="flex min-h-14 items-center justify-center gap-2 rounded-lg border-2 border-red-700 bg-red-50 text-lg font-bold has-[:checked]:bg-red-700 has-[:checked]:text-white">
                <input type="radio" name="result" value="fail" className="size-5" />
                {t('result.fail')}
              </label>
            </fieldset>
            <label className="flex flex-col gap-1 font-bold">
              {t('performedOn')}
              <input type="date" name="performedOn" defaultValue={today} max={today} className="field" />
            </label>
            <label className="flex flex-col gap-1 font-bold">
              {t('note')}
              <textarea name="note" maxLength={500} rows={2} className="field min-h-20 py-2" />
            </label>
            <button type="submit" className="btn btn-primary">
              {t('saveInspection')}
            </button>
          </ActionForm>
          {history.length ? (
            <section className="card" aria-labelledby="history-title">
              <h2 id="history-title" className="text-lg font-bold">
                {t('history')}
              </h2>
              <ul className="mt-2 divide-y divide-gray-200">
                {history.map((h) => (
                  <li key={h.id} className="py-2 text-sm">
                    {date(h.performedOn)} · {h.scheduleName ?? t('unscheduled')} · {t(`result.${h.result}`)} · {h.inspectorName}
                    {h.color ? ` · ${t('colorTag', { color: h.color })}` : ''}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </main>
  )
}
