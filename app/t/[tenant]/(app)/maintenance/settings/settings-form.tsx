'use client'

import { useTranslations } from 'next-intl'
import { FormAlert } from '@/components/form'
import { useKeptForm } from '@/components/use-kept-form'
import type { ManagementSettings } from '@/lib/maintenance/settings'
import type { Result } from '@/lib/result'

const COLOR_ROWS = 6

export function SettingsForm({ settings, action }: { settings: ManagementSettings; action: (previous: Result | null, formData: FormData) => Promise<Result> }) {
  const t = useTranslations('maintenance.settings')
  const { state, pending, form } = useKeptForm(action)
  const colors = [...settings.inspectionColors, ...Array.from({ length: Math.max(0, COLOR_ROWS - settings.inspectionColors.length) }, () => ({ name: '', hex: '#9ca3af' }))]
  return (
    <form {...form} className="flex flex-col gap-5">
      <FormAlert state={state} success={t('saved')} />
      <fieldset className="card flex flex-col gap-3">
        <legend className="text-lg font-bold">{t('alerts')}</legend>
        <label className="flex flex-col gap-1 font-bold">
          {t('longUnreturnedDays')}
          <input name="longUnreturnedDays" type="number" min={1} max={365} defaultValue={settings.longUnreturnedDays} className="field" required />
        </label>
        <label className="flex flex-col gap-1 font-bold">
          {t('dueSoonDays')}
          <input name="dueSoonDays" type="number" min={0} max={180} defaultValue={settings.dueSoonDays} className="field" required />
        </label>
      </fieldset>
      <fieldset className="card flex flex-col gap-3">
        <legend className="text-lg font-bold">{t('colors')}</legend>
        <p className="text-sm text-gray-700">{t('colorsHint')}</p>
        <ol className="flex flex-col gap-2">
          {colors.map((c, i) => (
            <li key={i} className="flex items-center gap-3">
              <span className="w-6 text-right font-bold">{i + 1}</span>
              <input name="colorName" defaultValue={c.name} maxLength={10} className="field" aria-label={t('colorName', { n: i + 1 })} />
              <input name="colorHex" type="color" defaultValue={c.hex} className="h-12 w-16 rounded border-2 border-gray-400" aria-label={t('colorHex', { n: i + 1 })} />
            </li>
          ))}
        </ol>
        <label className="flex flex-col gap-1 font-bold">
          {t('anchorMonth')}
          <input name="colorAnchorMonth" type="month" defaultValue={settings.colorAnchorMonth.slice(0, 7)} className="field" required />
        </label>
      </fieldset>
      <fieldset className="card flex flex-col gap-3">
        <legend className="text-lg font-bold">{t('depreciation')}</legend>
        <label className="flex flex-col gap-1 font-bold">
          {t('method')}
          <select name="depreciationMethod" defaultValue={settings.depreciationMethod} className="field">
            <option value="declining_balance">{t('declining')}</option>
            <option value="straight_line">{t('straight')}</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 font-bold">
          {t('fiscalYearEnd')}
          <select name="fiscalYearEndMonth" defaultValue={settings.fiscalYearEndMonth} className="field">
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
              <option key={m} value={m}>
                {t('month', { m })}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 font-bold">
          {t('expenseThreshold')}
          <select name="expenseThreshold" defaultValue={settings.expenseThreshold} className="field">
            <option value={100000}>{t('threshold100')}</option>
            <option value={300000}>{t('threshold300')}</option>
          </select>
        </label>
        <label className="flex min-h-12 items-center gap-3 font-bold">
          <input type="checkbox" name="lumpSumThirds" value="true" defaultChecked={settings.lumpSumThirds} className="size-5" />
          {t('lumpSumThirds')}
        </label>
      </fieldset>
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {t('save')}
      </button>
    </form>
  )
}
