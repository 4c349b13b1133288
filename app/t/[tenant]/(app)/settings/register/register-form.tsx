'use client'

import { useTranslations } from 'next-intl'
import { describedBy, Field, FormAlert } from '@/components/field'
import { useActionForm } from '@/components/use-action-form'
import { registerSettingsInput } from '@/lib/tools/schemas'
import { updateRegisterSettingsAction } from '../actions'

export function RegisterSettingsForm({ months }: { months: number }) {
  const t = useTranslations('settings')
  const tc = useTranslations('common')
  const { form, submit, fieldError, rootError, saved } = useActionForm<{ trashRetentionMonths: string }>({
    schema: registerSettingsInput,
    action: updateRegisterSettingsAction,
    defaultValues: { trashRetentionMonths: String(months) },
  })
  return (
    <form onSubmit={submit} noValidate className="card flex flex-col gap-4">
      {rootError ? <FormAlert>{rootError}</FormAlert> : null}
      {saved ? <FormAlert kind="success">{tc('saved')}</FormAlert> : null}
      <Field label={t('register.retention')} htmlFor="trashRetentionMonths" error={fieldError('trashRetentionMonths')} hint={t('register.retentionHint')}>
        <input
          {...describedBy('trashRetentionMonths', fieldError('trashRetentionMonths'), true)}
          {...form.register('trashRetentionMonths')}
          inputMode="numeric"
          className="field max-w-40 text-lg"
        />
      </Field>
      <button type="submit" className="btn btn-primary self-start" disabled={form.formState.isSubmitting}>
        {tc('save')}
      </button>
    </form>
  )
}
