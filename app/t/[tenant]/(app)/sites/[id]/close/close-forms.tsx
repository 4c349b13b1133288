'use client'

import { useTranslations } from 'next-intl'
import { FormAlert } from '@/components/form'
import { useKeptForm } from '@/components/use-kept-form'
import type { Result } from '@/lib/result'

type Action = (previous: Result | null, formData: FormData) => Promise<Result>

/** One button's form with its answer (error or success) shown beside it. */
export function ButtonForm(props: { action: Action; hidden: Record<string, string>; label: string; success: string; className?: string; testId?: string }) {
  const { state, pending, form } = useKeptForm(props.action)
  return (
    <form {...form} className="flex flex-col gap-2" data-testid={props.testId}>
      {Object.entries(props.hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <FormAlert state={state} success={props.success} />
      <button type="submit" className={props.className ?? 'btn btn-secondary'} disabled={pending}>
        {props.label}
      </button>
    </form>
  )
}

/** The owner's or admin's close despite tools left there: a reason is required, and it is kept in the audit log. */
export function ForceCloseForm({ action, siteId }: { action: Action; siteId: string }) {
  const t = useTranslations('closeOut')
  const { state, pending, form } = useKeptForm(action, () => window.confirm(t('forceConfirm')))
  return (
    <form {...form} className="flex flex-col gap-3" data-testid="force-close">
      <FormAlert state={state} />
      <input type="hidden" name="id" value={siteId} />
      <label htmlFor="reason" className="font-bold">
        {t('reason')}
      </label>
      <textarea id="reason" name="reason" required maxLength={500} rows={3} className="field min-h-24 py-2" aria-describedby="reason-hint" />
      <span id="reason-hint" className="text-sm text-gray-700">
        {t('reasonHint')}
      </span>
      <button type="submit" className="btn border-2 border-red-800 bg-red-700 text-white hover:bg-red-800" disabled={pending}>
        {t('forceClose')}
      </button>
    </form>
  )
}
