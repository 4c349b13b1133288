'use client'

import { Plus } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { describedBy, Field, FormAlert } from '@/components/field'
import { useActionForm } from '@/components/use-action-form'
import { baseStatuses, toolStatusInput } from '@/lib/tool-statuses/schemas'
import { createStatusAction, updateStatusAction } from '../actions'
import { Refusal, useRefusal } from '@/components/use-refusal'

type Values = { label: string; color: string; baseStatus: (typeof baseStatuses)[number] }

export function StatusCreateForm() {
  const t = useTranslations('settings')
  const ts = useTranslations('toolStatuses')
  const tc = useTranslations('common')
  const { form, submit, fieldError, rootError, saved } = useActionForm<Values>({
    schema: toolStatusInput,
    action: createStatusAction,
    defaultValues: { label: '', color: '#1d4ed8', baseStatus: 'normal' },
    namespaces: ['toolStatuses'],
    resetOnSuccess: true,
  })
  return (
    <form onSubmit={submit} noValidate className="card flex flex-col gap-4" aria-labelledby="new-status">
      <h2 id="new-status" className="text-lg font-bold">
        {t('statuses.new')}
      </h2>
      {rootError ? <FormAlert>{rootError}</FormAlert> : null}
      {saved ? <FormAlert kind="success">{t('statuses.created')}</FormAlert> : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_8rem_1fr]">
        <Field label={t('statuses.label')} htmlFor="status-label" error={fieldError('label')} required requiredLabel={tc('required')}>
          <input {...describedBy('status-label', fieldError('label'))} {...form.register('label')} className="field" autoComplete="off" />
        </Field>
        <Field label={t('statuses.color')} htmlFor="status-color" error={fieldError('color')}>
          <input {...describedBy('status-color', fieldError('color'))} {...form.register('color')} type="color" className="field h-12 p-1" />
        </Field>
        <Field label={t('statuses.base')} htmlFor="status-baseStatus" error={fieldError('baseStatus')} hint={t('statuses.baseHint')}>
          <select {...describedBy('status-baseStatus', fieldError('baseStatus'), true)} {...form.register('baseStatus')} className="field">
            {baseStatuses.map((s) => (
              <option key={s} value={s}>
                {ts(`builtIn.${s}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <button type="submit" className="btn btn-primary self-start" disabled={form.formState.isSubmitting}>
        <Plus aria-hidden className="size-5" />
        {t('statuses.add')}
      </button>
    </form>
  )
}

export function StatusActiveToggle({ id, label, isActive }: { id: string; label: string; isActive: boolean }) {
  const t = useTranslations('settings')
  const { pending, refusal, run } = useRefusal(['toolStatuses'])
  return (
    <>
      <button
        type="button"
        className="btn btn-secondary"
        disabled={pending}
        aria-label={t(isActive ? 'statuses.deactivateNamed' : 'statuses.activateNamed', { label })}
        onClick={() => run(() => updateStatusAction({ id, isActive: !isActive }))}
      >
        {t(isActive ? 'statuses.deactivate' : 'statuses.activate')}
      </button>
      <Refusal text={refusal} />
    </>
  )
}
