'use client'

import Link from 'next/link'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslations } from 'next-intl'
import { useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form'
import { describedBy, Field, FormAlert } from '@/components/field'
import { useErrorText } from '@/components/use-messages'
import type { FieldDefinition } from '@/lib/custom-fields/schemas'
import { validateCustomValues } from '@/lib/custom-fields/validation'
import { locationInput, locationUpdate } from '@/lib/locations/schemas'
import { issueCode, type Failure } from '@/lib/result'
import { createLocationAction, updateLocationAction } from './actions'

export interface LocationFormValues {
  id?: string
  type: 'warehouse' | 'site'
  name: string
  address: string
  managerName: string
  startsOn: string
  endsOn: string
  notes: string
  customFields: Record<string, string>
}

function locationResolver(mode: 'create' | 'edit', fields: FieldDefinition[]): Resolver<LocationFormValues> {
  const base = zodResolver(mode === 'create' ? locationInput : locationUpdate, { error: issueCode } as never) as unknown as Resolver<LocationFormValues>
  return async (values, context, options) => {
    const result = await base(values, context, options)
    const custom = validateCustomValues(fields, values.customFields)
    if (custom.ok) return Object.keys(result.errors).length ? result : ({ values: { ...(result.values as object), customFields: custom.data }, errors: {} } as never)
    const errors: FieldErrors<LocationFormValues> = { ...result.errors }
    errors.customFields = Object.fromEntries(
      Object.entries(custom.error.fields ?? {}).map(([path, code]) => [path.replace(/^customFields\./, ''), { type: 'custom', message: code }]),
    ) as never
    return { values: {}, errors }
  }
}

/** A warehouse or a job site: the shared zod schema and the company's place fields, checked as the person types. */
export function LocationForm({ mode, defaults, fields }: { mode: 'create' | 'edit'; defaults: LocationFormValues; fields: FieldDefinition[] }) {
  const t = useTranslations('locations')
  const tc = useTranslations('common')
  const text = useErrorText(['locations', 'customFields'])
  const { register, handleSubmit, control, setError, formState } = useForm<LocationFormValues>({
    defaultValues: defaults,
    resolver: locationResolver(mode, fields),
    mode: 'onSubmit', reValidateMode: 'onChange',
  })
  const errors = formState.errors
  const type = useWatch({ control, name: 'type' })
  const submit = handleSubmit(async (values) => {
    const result: Failure | undefined = await (mode === 'create' ? createLocationAction(values) : updateLocationAction(values))
    if (!result) return
    for (const [path, code] of Object.entries(result.error.fields ?? {})) setError(path as never, { type: 'server', message: code })
    setError('root.server', { type: 'server', message: text.error(result.error) })
  })
  const errorOf = (name: keyof LocationFormValues) => text.field(errors[name]?.message as string | undefined)
  const props = (name: keyof LocationFormValues) => describedBy(`location-${name}`, errors[name]?.message as string | undefined)
  const required = tc('required')
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-6">
      {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
      <section className="card flex flex-col gap-4">
        <fieldset className="grid grid-cols-2 gap-2">
          <legend className="mb-1 font-bold">{t('fields.type')}</legend>
          {(['warehouse', 'site'] as const).map((v) => (
            <label key={v} className={`flex min-h-14 cursor-pointer items-center gap-3 rounded-lg border-2 px-4 font-bold ${type === v ? 'border-ink bg-brand-100' : 'border-gray-300 bg-white'}`}>
              <input type="radio" value={v} {...register('type')} className="size-5" disabled={mode === 'edit'} />
              {t(`type.${v}`)}
            </label>
          ))}
        </fieldset>
        <Field label={t('fields.name')} htmlFor="location-name" error={errorOf('name')} required requiredLabel={required}>
          <input {...props('name')} {...register('name')} className="field text-lg" autoComplete="off" />
        </Field>
        <Field label={t('fields.address')} htmlFor="location-address" error={errorOf('address')}>
          <input {...props('address')} {...register('address')} className="field" autoComplete="street-address" />
        </Field>
        <Field label={t('fields.managerName')} htmlFor="location-managerName" error={errorOf('managerName')}>
          <input {...props('managerName')} {...register('managerName')} className="field" autoComplete="off" />
        </Field>
        {type === 'site' ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t('fields.startsOn')} htmlFor="location-startsOn" error={errorOf('startsOn')}>
              <input {...props('startsOn')} {...register('startsOn')} type="date" className="field" />
            </Field>
            <Field label={t('fields.endsOn')} htmlFor="location-endsOn" error={errorOf('endsOn')}>
              <input {...props('endsOn')} {...register('endsOn')} type="date" className="field" />
            </Field>
          </div>
        ) : null}
        {fields.map((def) => {
          const id = `location-cf-${def.fieldKey}`
          const code = (errors.customFields as Record<string, { message?: string }> | undefined)?.[def.fieldKey]?.message
          const p = { ...describedBy(id, code), ...register(`customFields.${def.fieldKey}`) }
          return (
            <Field key={def.fieldKey} label={def.label} htmlFor={id} error={text.field(code)} required={def.isRequired} requiredLabel={required}>
              {def.fieldType === 'select' ? (
                <select {...p} className="field">
                  <option value="">—</option>
                  {(def.options.choices ?? []).map((c) => (
                    <option key={c.value} value={c.value}>
                      {c.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input {...p} className="field" type={def.fieldType === 'date' ? 'date' : 'text'} inputMode={def.fieldType === 'number' ? 'decimal' : undefined} autoComplete="off" />
              )}
            </Field>
          )
        })}
        <Field label={t('fields.notes')} htmlFor="location-notes" error={errorOf('notes')}>
          <textarea {...props('notes')} {...register('notes')} rows={3} className="field py-2" />
        </Field>
      </section>
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Link href={defaults.id ? `/locations/${defaults.id}` : '/locations'} className="btn btn-secondary">
          {tc('cancel')}
        </Link>
        <button type="submit" className="btn btn-primary min-w-40 text-lg" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? tc('saving') : mode === 'create' ? t('form.create') : tc('save')}
        </button>
      </div>
    </form>
  )
}
