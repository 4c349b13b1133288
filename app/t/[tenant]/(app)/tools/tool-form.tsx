'use client'

import Link from 'next/link'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslations } from 'next-intl'
import { useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form'
import { describedBy, Field, FormAlert } from '@/components/field'
import { useErrorText } from '@/components/use-messages'
import type { FieldDefinition } from '@/lib/custom-fields/schemas'
import { applicableDefinitions, validateCustomValues } from '@/lib/custom-fields/validation'
import { issueCode, type Failure } from '@/lib/result'
import { toolInput, toolUpdate } from '@/lib/tools/schemas'
import { createToolAction, updateToolAction } from './actions'

/** What the inputs hold: text, as typed (the shared schema turns it into numbers, dates and nulls). */
export interface ToolFormValues {
  id?: string
  toolCode: string
  categoryId: string
  name: string
  modelNumber: string
  manufacturer: string
  serialNumber: string
  purchaseDate: string
  purchasePrice: string
  usefulLifeYears: string
  status: 'normal' | 'repair' | 'broken'
  statusId: string
  currentLocationId: string
  currentHolderId: string
  managementType: 'individual' | 'quantity'
  currentQuantity: string
  unit: string
  minStockAlert: string
  customFields: Record<string, string>
  manualUrl: string
  notes: string
}

export interface ToolFormOptions {
  categories: { id: string; name: string; codePrefix: string; nextToolCode: string; isActive: boolean }[]
  statuses: { id: string; label: string }[]
  places: { id: string; name: string; type: 'warehouse' | 'site' }[]
  holders: { userId: string; name: string }[]
  fields: (FieldDefinition & { id: string })[]
}

const codeOf = (issue: Parameters<typeof issueCode>[0]) => issueCode(issue)

/** The shared zod schema (toolInput / toolUpdate) plus the company's custom-field definitions, run as the person types. */
function toolResolver(mode: 'create' | 'edit', fields: FieldDefinition[]): Resolver<ToolFormValues> {
  const base = zodResolver(mode === 'create' ? toolInput : toolUpdate, { error: codeOf } as never) as unknown as Resolver<ToolFormValues>
  return async (values, context, options) => {
    const result = await base(values, context, options)
    const custom = validateCustomValues(fields, values.customFields, { categoryId: values.categoryId })
    if (custom.ok) return Object.keys(result.errors).length ? result : { values: { ...(result.values as object), customFields: custom.data }, errors: {} } as never
    const errors: FieldErrors<ToolFormValues> = { ...result.errors }
    const customErrors: Record<string, { type: string; message: string }> = {}
    for (const [path, code] of Object.entries(custom.error.fields ?? {})) customErrors[path.replace(/^customFields\./, '')] = { type: 'custom', message: code }
    errors.customFields = customErrors as never
    return { values: {}, errors }
  }
}

export function ToolForm({ mode, defaults, options }: { mode: 'create' | 'edit'; defaults: ToolFormValues; options: ToolFormOptions }) {
  const t = useTranslations('tools')
  const tc = useTranslations('common')
  const ts = useTranslations('toolStatuses')
  const text = useErrorText(['tools', 'customFields'])
  const form = useForm<ToolFormValues>({ defaultValues: defaults, resolver: toolResolver(mode, options.fields), mode: 'onSubmit', reValidateMode: 'onChange' })
  const { register, handleSubmit, control, setValue, setError, formState } = form
  const errors = formState.errors
  const [categoryId, managementType, statusId, status] = useWatch({ control, name: ['categoryId', 'managementType', 'statusId', 'status'] })
  const category = options.categories.find((c) => c.id === categoryId)
  const customDefs = applicableDefinitions(options.fields, categoryId || null)

  const submit = handleSubmit(async (values) => {
    // An edit leaves the status alone: it changes through its own action on the tool's page (and disposal with a reason).
    const { status: _status, statusId: _statusId, ...edited } = values
    const result: Failure | undefined = await (mode === 'create' ? createToolAction(values) : updateToolAction(edited))
    if (!result) return
    for (const [path, code] of Object.entries(result.error.fields ?? {})) setError(path as never, { type: 'server', message: code })
    setError('root.server', { type: 'server', message: text.error(result.error) })
  })

  const fieldProps = (name: keyof ToolFormValues, hint?: boolean) => ({ ...describedBy(`tool-${name}`, errors[name]?.message as string | undefined, hint) })
  const errorOf = (name: keyof ToolFormValues) => text.field(errors[name]?.message as string | undefined)
  const required = tc('required')

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-6">
      {errors.root?.server ? <FormAlert>{errors.root.server.message}</FormAlert> : null}
      <section className="card flex flex-col gap-4">
        <h2 className="text-lg font-bold">{t('form.basic')}</h2>
        <Field label={t('fields.category')} htmlFor="tool-categoryId" error={errorOf('categoryId')} required requiredLabel={required}>
          <select {...fieldProps('categoryId')} {...register('categoryId')} className="field">
            <option value="">{t('form.choose')}</option>
            {options.categories
              .filter((c) => c.isActive || c.id === defaults.categoryId)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.codePrefix} {c.name}
                </option>
              ))}
          </select>
        </Field>
        <Field
          label={t('fields.toolCode')}
          htmlFor="tool-toolCode"
          error={errorOf('toolCode')}
          hint={mode === 'create' ? (category ? t('form.codeAuto', { code: category.nextToolCode }) : t('form.codeAutoNoCategory')) : t('form.codeEdit')}
        >
          <input
            {...fieldProps('toolCode', true)}
            {...register('toolCode')}
            className="field font-mono text-xl font-black tracking-wide uppercase"
            placeholder={mode === 'create' ? category?.nextToolCode : undefined}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
          />
        </Field>
        <Field label={t('fields.name')} htmlFor="tool-name" error={errorOf('name')} required requiredLabel={required}>
          <input {...fieldProps('name')} {...register('name')} className="field text-lg" autoComplete="off" />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t('fields.manufacturer')} htmlFor="tool-manufacturer" error={errorOf('manufacturer')}>
            <input {...fieldProps('manufacturer')} {...register('manufacturer')} className="field" autoComplete="off" />
          </Field>
          <Field label={t('fields.modelNumber')} htmlFor="tool-modelNumber" error={errorOf('modelNumber')}>
            <input {...fieldProps('modelNumber')} {...register('modelNumber')} className="field" autoComplete="off" spellCheck={false} />
          </Field>
          <Field label={t('fields.serialNumber')} htmlFor="tool-serialNumber" error={errorOf('serialNumber')}>
            <input {...fieldProps('serialNumber')} {...register('serialNumber')} className="field" autoComplete="off" spellCheck={false} />
          </Field>
        </div>
      </section>

      <section className="card flex flex-col gap-4">
        <h2 className="text-lg font-bold">{t('form.purchase')}</h2>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label={t('fields.purchaseDate')} htmlFor="tool-purchaseDate" error={errorOf('purchaseDate')}>
            <input {...fieldProps('purchaseDate')} {...register('purchaseDate')} type="date" className="field" />
          </Field>
          <Field label={t('fields.purchasePrice')} htmlFor="tool-purchasePrice" error={errorOf('purchasePrice')} hint={t('form.yenHint')}>
            <input {...fieldProps('purchasePrice', true)} {...register('purchasePrice')} inputMode="numeric" className="field" autoComplete="off" />
          </Field>
          <Field label={t('fields.usefulLifeYears')} htmlFor="tool-usefulLifeYears" error={errorOf('usefulLifeYears')}>
            <input {...fieldProps('usefulLifeYears')} {...register('usefulLifeYears')} inputMode="numeric" className="field" autoComplete="off" />
          </Field>
        </div>
      </section>

      <section className="card flex flex-col gap-4">
        <h2 className="text-lg font-bold">{t('form.statusAndPlace')}</h2>
        <div className="grid gap-4 sm:grid-cols-3">
          {mode === 'create' ? (
          <Field label={t('fields.status')} htmlFor="tool-status" error={errorOf('status') ?? errorOf('statusId')}>
            <select
              id="tool-status"
              className="field"
              value={statusId ? `id:${statusId}` : status}
              onChange={(e) => {
                const v = e.target.value
                if (v.startsWith('id:')) setValue('statusId', v.slice(3), { shouldDirty: true })
                else {
                  setValue('statusId', '', { shouldDirty: true })
                  setValue('status', v as ToolFormValues['status'], { shouldDirty: true })
                }
              }}
            >
              {(['normal', 'repair', 'broken'] as const).map((s) => (
                <option key={s} value={s}>
                  {ts(`builtIn.${s}`)}
                </option>
              ))}
              {options.statuses.map((s) => (
                <option key={s.id} value={`id:${s.id}`}>
                  {s.label}
                </option>
              ))}
            </select>
          </Field>
          ) : null}
          <Field label={t('fields.location')} htmlFor="tool-currentLocationId" error={errorOf('currentLocationId')}>
            <select {...fieldProps('currentLocationId')} {...register('currentLocationId')} className="field">
              <option value="">{t('form.none')}</option>
              {options.places.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('fields.holder')} htmlFor="tool-currentHolderId" error={errorOf('currentHolderId')}>
            <select {...fieldProps('currentHolderId')} {...register('currentHolderId')} className="field">
              <option value="">{t('form.none')}</option>
              {options.holders.map((h) => (
                <option key={h.userId} value={h.userId}>
                  {h.name}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </section>

      <section className="card flex flex-col gap-4">
        <h2 className="text-lg font-bold">{t('fields.managementType')}</h2>
        <fieldset className="grid grid-cols-2 gap-2">
          <legend className="sr-only">{t('fields.managementType')}</legend>
          {(['individual', 'quantity'] as const).map((type) => (
            <label
              key={type}
              className={`flex min-h-14 cursor-pointer items-center gap-3 rounded-lg border-2 px-4 font-bold ${managementType === type ? 'border-ink bg-brand-100' : 'border-gray-300 bg-white'}`}
            >
              <input type="radio" value={type} {...register('managementType')} className="size-5" />
              <span>
                {t(`managementType.${type}`)}
                <span className="block text-sm font-normal text-gray-700">{t(`form.managementHint.${type}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {managementType === 'quantity' ? (
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label={t('fields.currentQuantity')} htmlFor="tool-currentQuantity" error={errorOf('currentQuantity')} required requiredLabel={required}>
              <input {...fieldProps('currentQuantity')} {...register('currentQuantity')} inputMode="numeric" className="field text-lg" autoComplete="off" />
            </Field>
            <Field label={t('fields.unit')} htmlFor="tool-unit" error={errorOf('unit')} hint={t('form.unitHint')}>
              <input {...fieldProps('unit', true)} {...register('unit')} className="field" list="tool-units" autoComplete="off" />
            </Field>
            <Field label={t('fields.minStockAlert')} htmlFor="tool-minStockAlert" error={errorOf('minStockAlert')} hint={t('form.minStockHint')}>
              <input {...fieldProps('minStockAlert', true)} {...register('minStockAlert')} inputMode="numeric" className="field" autoComplete="off" />
            </Field>
            <datalist id="tool-units">
              {['個', '本', '箱', '巻', '袋', '枚', '双', 'kg', 'L', 'm'].map((u) => (
                <option key={u} value={u} />
              ))}
            </datalist>
          </div>
        ) : null}
      </section>

      {customDefs.length ? (
        <section className="card flex flex-col gap-4">
          <h2 className="text-lg font-bold">{t('form.custom')}</h2>
          <div className="grid gap-4 sm:grid-cols-2">
            {customDefs.map((def) => {
              const id = `tool-cf-${def.fieldKey}`
              const code = (errors.customFields as Record<string, { message?: string }> | undefined)?.[def.fieldKey]?.message
              const props = { ...describedBy(id, code), ...register(`customFields.${def.fieldKey}`) }
              return (
                <Field key={def.fieldKey} label={def.label} htmlFor={id} error={text.field(code)} required={def.isRequired} requiredLabel={required}>
                  {def.fieldType === 'select' ? (
                    <select {...props} className="field">
                      <option value="">{t('form.choose')}</option>
                      {(def.options.choices ?? []).map((c) => (
                        <option key={c.value} value={c.value}>
                          {c.label}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input
                      {...props}
                      className="field"
                      type={def.fieldType === 'date' ? 'date' : 'text'}
                      inputMode={def.fieldType === 'number' ? 'decimal' : undefined}
                      autoComplete="off"
                    />
                  )}
                </Field>
              )
            })}
          </div>
        </section>
      ) : null}

      <section className="card flex flex-col gap-4">
        <h2 className="text-lg font-bold">{t('form.other')}</h2>
        <Field label={t('fields.manualUrl')} htmlFor="tool-manualUrl" error={errorOf('manualUrl')}>
          <input {...fieldProps('manualUrl')} {...register('manualUrl')} type="url" inputMode="url" className="field" autoComplete="off" />
        </Field>
        <Field label={t('fields.notes')} htmlFor="tool-notes" error={errorOf('notes')}>
          <textarea {...fieldProps('notes')} {...register('notes')} rows={3} className="field py-2" />
        </Field>
      </section>

      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Link href={defaults.id ? `/tools/${defaults.id}` : '/tools'} className="btn btn-secondary">
          {tc('cancel')}
        </Link>
        <button type="submit" className="btn btn-primary min-w-40 text-lg" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? tc('saving') : mode === 'create' ? t('form.create') : t('form.save')}
        </button>
      </div>
    </form>
  )
}
