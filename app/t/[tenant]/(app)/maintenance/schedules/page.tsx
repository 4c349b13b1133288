import { getTranslations } from 'next-intl/server'
import { ActionForm } from '@/components/action-form'
import { requireMember } from '@/lib/auth/member'
import { withTenant } from '@/lib/db'
import { scheduleKinds } from '@/lib/db/schema'
import { categoryOptions, listSchedules } from '@/lib/maintenance/queries'
import { getManagementSettings } from '@/lib/maintenance/settings'
import { todayIso } from '@/lib/validation'
import { createScheduleAction, toggleScheduleAction } from '../actions'

export async function generateMetadata() {
  const t = await getTranslations('maintenance')
  return { title: t('schedulesTitle') }
}

/** Recurring inspections (leaders and up): calibration every N months, the monthly inspection with its colour. */
export default async function SchedulesPage() {
  const me = await requireMember({ atLeast: 'leader' })
  const today = todayIso()
  const { schedules, categories } = await withTenant(me.ctx, async (tx) => {
    const settings = await getManagementSettings(tx)
    return { schedules: await listSchedules(tx, { today, soonDays: settings.dueSoonDays }), categories: await categoryOptions(tx) }
  })
  const t = await getTranslations('maintenance')
  return (
    <main className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t('schedulesTitle')}</h1>
      <section className="card" aria-labelledby="list-title">
        <h2 id="list-title" className="text-xl font-bold">
          {t('scheduleList')}
        </h2>
        {schedules.length === 0 ? <p className="mt-2 text-gray-700">{t('noSchedules')}</p> : null}
        <ul className="mt-3 divide-y divide-gray-200" data-testid="schedule-list">
          {schedules.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <span className={s.isActive ? '' : 'text-gray-500'}>
                <span className="font-bold">{s.name}</span>
                <span className="block text-sm">
                  {t(`kinds.${s.kind}`)} · {s.categoryName ? t('forCategory', { name: s.categoryName }) : t('forTool', { code: s.toolCode ?? '', name: s.toolName ?? '' })} ·{' '}
                  {t('every', { months: s.intervalMonths })}
                  {s.usesColor ? ` · ${t('withColor')}` : ''} · {t('coveredTools', { count: s.tools })}
                  {!s.isActive ? ` · ${t('paused')}` : ''}
                </span>
              </span>
              <ActionForm action={toggleScheduleAction} hidden={{ id: s.id, isActive: s.isActive ? 'false' : 'true' }}>
                <button type="submit" className="btn btn-secondary">
                  {s.isActive ? t('pause') : t('resume')}
                </button>
              </ActionForm>
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="new-title">
        <h2 id="new-title" className="text-xl font-bold">
          {t('newSchedule')}
        </h2>
        <ActionForm action={createScheduleAction} className="mt-3 flex flex-col gap-3">
          <label className="flex flex-col gap-1 font-bold">
            {t('scheduleName')}
            <input name="name" required maxLength={60} placeholder={t('scheduleNamePlaceholder')} className="field" />
          </label>
          <label className="flex flex-col gap-1 font-bold">
            {t('kindLabel')}
            <select name="kind" className="field">
              {scheduleKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 font-bold">{t('target')}</legend>
            <label className="flex min-h-12 flex-wrap items-center gap-3">
              <input type="radio" name="target" value="category" defaultChecked className="size-5" />
              {t('targetCategory')}
              <select name="categoryId" className="field w-auto" aria-label={t('targetCategory')}>
                {categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.codePrefix} {c.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex min-h-12 flex-wrap items-center gap-3">
              <input type="radio" name="target" value="tool" className="size-5" />
              {t('targetTool')}
              <input name="toolCode" placeholder="A-0123" className="field w-40 font-mono uppercase" aria-label={t('toolCode')} />
            </label>
          </fieldset>
          <div className="grid grid-cols-2 gap-3">
            <label className="flex flex-col gap-1 font-bold">
              {t('intervalMonths')}
              <input name="intervalMonths" type="number" min={1} max={120} defaultValue={1} required className="field" />
            </label>
            <label className="flex flex-col gap-1 font-bold">
              {t('startsOn')}
              <input name="startsOn" type="date" defaultValue={today} required className="field" />
            </label>
          </div>
          <label className="flex min-h-12 items-center gap-3 font-bold">
            <input type="checkbox" name="usesColor" className="size-5" />
            {t('usesColorLabel')}
          </label>
          <label className="flex flex-col gap-1 font-bold">
            {t('note')}
            <textarea name="notes" maxLength={500} rows={2} className="field min-h-20 py-2" />
          </label>
          <button type="submit" className="btn btn-primary">
            {t('addSchedule')}
          </button>
        </ActionForm>
      </section>
    </main>
  )
}
