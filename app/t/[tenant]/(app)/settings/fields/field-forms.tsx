'use client'

import { useState, useTransition } from 'react'
import { LayoutTemplate, Pencil, Plus } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { useWatch } from 'react-hook-form'
import { z } from 'zod'
import { describedBy, Field, FormAlert } from '@/components/field'
import { useActionForm } from '@/components/use-action-form'
import { useErrorText } from '@/components/use-messages'
import { fieldDefinitionInput, fieldDefinitionUpdate, fieldTypes, type FieldType } from '@/lib/custom-fields/schemas'
import type { Result } from '@/lib/result'
import { applyTemplateAction, createFieldAction, updateFieldAction } from '../actions'

type Option = { value: string; label: string }

export function ApplyTemplateForm({ templates, categories }: { templates: string[]; categories: Option[] }) {
  const t = useTranslations('settings')
  const tf = useTranslations('customFields')
  const text = useErrorText(['customFields'])
  const [result, setResult] = useState<Result<{ created: string[]; skipped: string[] }> | null>(null)
  const [pending, start] = useTransition()
  return (
    <form
      className="card flex flex-col gap-4"
      aria-labelledby="template-title"
      onSubmit={(event) => {
        event.preventDefault()
        const formData = new FormData(event.currentTarget)
        start(async () => {
          setResult(await applyTemplateAction(formData))
        })
      }}
    >
      <h2 id="template-title" className="text-lg font-bold">
        {t('fields.templateTitle')}
      </h2>
      <p className="text-gray-700">{t('fields.templateLead')}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="flex flex-col gap-1 font-bold">
          {t('fields.template')}
          <select name="template" className="field" defaultValue={templates[0]}>
            {templates.map((name) => (
              <option key={name} value={name}>
                {tf(`templates.${name as 'electrical'}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 font-bold">
          {t('fields.category')}
          <select name="categoryId" className="field" defaultValue="">
            <option value="">{t('fields.allCategories')}</option>
            {categories.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {result ? (
        result.ok ? (
          <FormAlert kind="success">{t('fields.templateApplied', { created: result.data.created.length, skipped: result.data.skipped.length })}</FormAlert>
        ) : (
          <FormAlert>{text.error(result.error)}</FormAlert>
        )
      ) : null}
      <button type="submit" className="btn btn-primary self-start" disabled={pending}>
        <LayoutTemplate aria-hidden className="size-5" />
        {t('fields.apply')}
      </button>
    </form>
  )
}

type CreateValues = {
  entityType: 'tool' | 'location'
  label: string
  fieldKey: string
  fieldType: FieldType
  choicesText: string
  isRequired: boolean
  isDueDate: boolean
  categoryId: string
}

/** The form's choices box (one per line) becomes the schema's options.choices. */
const createSchema = z.preprocess((v) => {
  const { choicesText, ...rest } = v as CreateValues
  const lines = String(choicesText ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  return { ...rest, categoryId: rest.entityType === 'tool' ? rest.categoryId : null, options: rest.fieldType === 'select' ? { choices: lines.map((l) => ({ value: l, label: l })) } : {} }
}, fieldDefinitionInput)

export function FieldCreateForm({ categories }: { categories: Option[] }) {
  const t = useTranslations('settings')
  const tf = useTranslations('customFields')
  const tc = useTranslations('common')
  const { form, submit, fieldError, rootError, saved } = useActionForm<CreateValues>({
    schema: createSchema,
    action: createFieldAction,
    defaultValues: { entityType: 'tool', label: '', fieldKey: '', fieldType: 'text', choicesText: '', isRequired: false, isDueDate: false, categoryId: '' },
    namespaces: ['customFields'],
    resetOnSuccess: true,
  })
  const [fieldType, entityType] = useWatch({ control: form.control, name: ['fieldType', 'entityType'] })
  return (
    <form onSubmit={submit} noValidate className="card flex flex-col gap-4" aria-labelledby="new-field">
      <h2 id="new-field" className="text-lg font-bold">
        {t('fields.new')}
      </h2>
      {rootError ? <FormAlert>{rootError}</FormAlert> : null}
      {saved ? <FormAlert kind="success">{t('fields.created')}</FormAlert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('fields.entity')} htmlFor="field-entityType">
          <select id="field-entityType" {...form.register('entityType')} className="field">
            <option value="tool">{t('fields.for.tool')}</option>
            <option value="location">{t('fields.for.location')}</option>
          </select>
        </Field>
        <Field label={t('fields.type')} htmlFor="field-fieldType">
          <select id="field-fieldType" {...form.register('fieldType')} className="field">
            {fieldTypes.map((ft) => (
              <option key={ft} value={ft}>
                {tf(`type.${ft}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('fields.label')} htmlFor="field-label" error={fieldError('label')} required requiredLabel={tc('required')}>
          <input {...describedBy('field-label', fieldError('label'))} {...form.register('label')} className="field" autoComplete="off" />
        </Field>
        <Field label={t('fields.key')} htmlFor="field-fieldKey" error={fieldError('fieldKey')} hint={t('fields.keyHint')} required requiredLabel={tc('required')}>
          <input
            {...describedBy('field-fieldKey', fieldError('fieldKey'), true)}
            {...form.register('fieldKey')}
            className="field font-mono"
            autoCapitalize="none"
            autoComplete="off"
            spellCheck={false}
          />
        </Field>
        {entityType === 'tool' ? (
          <Field label={t('fields.category')} htmlFor="field-categoryId" error={fieldError('categoryId')}>
            <select id="field-categoryId" {...form.register('categoryId')} className="field">
              <option value="">{t('fields.allCategories')}</option>
              {categories.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {fieldType === 'select' ? (
          <Field label={t('fields.choices')} htmlFor="field-choicesText" error={fieldError('options.choices') ?? fieldError('options')} hint={t('fields.choicesHint')}>
            <textarea {...describedBy('field-choicesText', fieldError('options.choices'), true)} {...form.register('choicesText')} rows={4} className="field py-2" />
          </Field>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-6">
        <label className="flex min-h-12 items-center gap-3 font-bold">
          <input type="checkbox" {...form.register('isRequired')} className="size-6" />
          {t('fields.required')}
        </label>
        {fieldType === 'date' ? (
          <label className="flex min-h-12 items-center gap-3 font-bold">
            <input type="checkbox" {...form.register('isDueDate')} className="size-6" />
            {t('fields.dueDate')}
          </label>
        ) : null}
      </div>
      {fieldError('isDueDate') ? <FormAlert>{fieldError('isDueDate')}</FormAlert> : null}
      <button type="submit" className="btn btn-primary self-start" disabled={form.formState.isSubmitting}>
        <Plus aria-hidden className="size-5" />
        {t('fields.add')}
      </button>
    </form>
  )
}

interface Row {
  id: string
  fieldKey: string
  label: string
  fieldType: FieldType
  isRequired: boolean
  isDueDate: boolean
  isActive: boolean
  displayOrder: number
  category: string | null
  choices: string[]
}

type EditValues = { id: string; label: string; isRequired: boolean; isDueDate: boolean; isActive: boolean; displayOrder: string }

export function FieldRow({ field, canManage }: { field: Row; canManage: boolean }) {
  const t = useTranslations('settings')
  const tf = useTranslations('customFields')
  const tc = useTranslations('common')
  const [editing, setEditing] = useState(false)
  const { form, submit, fieldError, rootError, saved } = useActionForm<EditValues>({
    schema: fieldDefinitionUpdate,
    action: updateFieldAction,
    defaultValues: { id: field.id, label: field.label, isRequired: field.isRequired, isDueDate: field.isDueDate, isActive: field.isActive, displayOrder: String(field.displayOrder) },
    namespaces: ['customFields'],
  })
  const id = (name: string) => `field-${field.id}-${name}`
  return (
    <li className={`rounded-lg border-2 border-gray-200 p-3 ${field.isActive ? '' : 'bg-gray-100'}`}>
      <div className="flex flex-wrap items-center gap-3">
        <div className="min-w-0 flex-1">
          <p className="font-bold">
            {field.label}
            {field.isRequired ? <span className="ml-2 rounded bg-red-700 px-1.5 py-0.5 text-xs text-white">{tc('required')}</span> : null}
            {field.isDueDate ? <span className="ml-2 rounded bg-brand-400 px-1.5 py-0.5 text-xs">{t('fields.dueBadge')}</span> : null}
            {field.isActive ? null : <span className="ml-2 rounded bg-gray-700 px-1.5 py-0.5 text-xs text-white">{t('fields.inactive')}</span>}
          </p>
          <p className="text-sm text-gray-700">
            <span className="font-mono">{field.fieldKey}</span>・{tf(`type.${field.fieldType}`)}
            {field.category ? `・${field.category}` : ''}
            {field.choices.length ? `・${field.choices.join(' / ')}` : ''}
          </p>
        </div>
        {canManage ? (
          <button type="button" className="btn btn-secondary" onClick={() => setEditing((e) => !e)} aria-expanded={editing}>
            <Pencil aria-hidden className="size-5" />
            {editing ? tc('close') : t('edit')}
          </button>
        ) : null}
      </div>
      {editing ? (
        <form onSubmit={submit} noValidate className="mt-3 flex flex-col gap-3 border-t border-gray-200 pt-3">
          {rootError ? <FormAlert>{rootError}</FormAlert> : null}
          {saved ? <FormAlert kind="success">{tc('saved')}</FormAlert> : null}
          <div className="grid gap-3 sm:grid-cols-[1fr_8rem]">
            <Field label={t('fields.label')} htmlFor={id('label')} error={fieldError('label')}>
              <input {...describedBy(id('label'), fieldError('label'))} {...form.register('label')} className="field" />
            </Field>
            <Field label={t('fields.order')} htmlFor={id('displayOrder')} error={fieldError('displayOrder')}>
              <input {...describedBy(id('displayOrder'), fieldError('displayOrder'))} {...form.register('displayOrder')} inputMode="numeric" className="field" />
            </Field>
          </div>
          <div className="flex flex-wrap gap-6">
            <label className="flex min-h-12 items-center gap-3 font-bold">
              <input type="checkbox" {...form.register('isRequired')} className="size-6" />
              {t('fields.required')}
            </label>
            {field.fieldType === 'date' ? (
              <label className="flex min-h-12 items-center gap-3 font-bold">
                <input type="checkbox" {...form.register('isDueDate')} className="size-6" />
                {t('fields.dueDate')}
              </label>
            ) : null}
            <label className="flex min-h-12 items-center gap-3 font-bold">
              <input type="checkbox" {...form.register('isActive')} className="size-6" />
              {t('fields.active')}
            </label>
          </div>
          <button type="submit" className="btn btn-primary self-start" disabled={form.formState.isSubmitting}>
            {tc('save')}
          </button>
        </form>
      ) : null}
    </li>
  )
}
