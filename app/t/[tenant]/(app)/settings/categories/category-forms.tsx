'use client'

import { useState } from 'react'
import { ArrowDown, ArrowUp, Pencil, Plus } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { describedBy, Field, FormAlert } from '@/components/field'
import { useActionForm } from '@/components/use-action-form'
import { categoryInput, categoryUpdate } from '@/lib/categories/schemas'
import { createCategoryAction, moveCategoryAction, updateCategoryAction } from '../actions'
import { Refusal, useRefusal } from '@/components/use-refusal'

type Values = { name: string; codePrefix: string; usefulLifeYears: string }

export function CategoryCreateForm() {
  const t = useTranslations('settings')
  const tc = useTranslations('common')
  const { form, submit, fieldError, rootError, saved } = useActionForm<Values>({
    schema: categoryInput,
    action: createCategoryAction,
    defaultValues: { name: '', codePrefix: '', usefulLifeYears: '' },
    namespaces: ['categories'],
    resetOnSuccess: true,
  })
  return (
    <form onSubmit={submit} noValidate className="card flex flex-col gap-4" aria-labelledby="new-category">
      <h2 id="new-category" className="text-lg font-bold">
        {t('categories.new')}
      </h2>
      {rootError ? <FormAlert>{rootError}</FormAlert> : null}
      {saved ? <FormAlert kind="success">{t('categories.created')}</FormAlert> : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem_10rem]">
        <Field label={t('categories.name')} htmlFor="category-name" error={fieldError('name')} required requiredLabel={tc('required')}>
          <input {...describedBy('category-name', fieldError('name'))} {...form.register('name')} className="field" autoComplete="off" />
        </Field>
        <Field label={t('categories.codePrefix')} htmlFor="category-codePrefix" error={fieldError('codePrefix')} hint={t('categories.codePrefixHint')} required requiredLabel={tc('required')}>
          <input
            {...describedBy('category-codePrefix', fieldError('codePrefix'), true)}
            {...form.register('codePrefix')}
            className="field font-mono text-lg font-black uppercase"
            autoCapitalize="characters"
            autoComplete="off"
            maxLength={3}
          />
        </Field>
        <Field label={t('categories.usefulLife')} htmlFor="category-usefulLifeYears" error={fieldError('usefulLifeYears')}>
          <input {...describedBy('category-usefulLifeYears', fieldError('usefulLifeYears'))} {...form.register('usefulLifeYears')} inputMode="numeric" className="field" />
        </Field>
      </div>
      <button type="submit" className="btn btn-primary self-start" disabled={form.formState.isSubmitting}>
        <Plus aria-hidden className="size-5" />
        {t('categories.add')}
      </button>
    </form>
  )
}

interface Row {
  id: string
  name: string
  codePrefix: string
  usefulLifeYears: number | null
  isActive: boolean
  nextToolCode: string
  toolCount: number
}

export function CategoryRow({ category, first, last, canManage }: { category: Row; first: boolean; last: boolean; canManage: boolean }) {
  const t = useTranslations('settings')
  const tc = useTranslations('common')
  const [editing, setEditing] = useState(false)
  const { pending, refusal, run } = useRefusal(['categories'])
  const move = (direction: 'up' | 'down') => {
    const body = new FormData()
    body.set('id', category.id)
    body.set('direction', direction)
    run(() => moveCategoryAction(body))
  }
  return (
    <li className={`card flex flex-col gap-3 p-4 ${category.isActive ? '' : 'bg-gray-100'}`}>
      <div className="flex flex-wrap items-center gap-3">
        <span className="flex size-12 shrink-0 items-center justify-center rounded-lg bg-ink font-mono text-xl font-black text-white">{category.codePrefix}</span>
        <div className="min-w-0 flex-1">
          <p className="text-lg font-bold">
            {category.name}
            {category.isActive ? null : <span className="ml-2 rounded bg-gray-700 px-2 py-0.5 text-sm text-white">{t('categories.inactive')}</span>}
          </p>
          <p className="text-sm text-gray-700">
            {t('categories.summary', { count: category.toolCount, next: category.nextToolCode })}
            {category.usefulLifeYears ? `・${t('categories.lifeYears', { years: category.usefulLifeYears })}` : ''}
          </p>
        </div>
        {canManage ? (
          <div className="flex gap-2">
            <button type="button" className="btn btn-secondary px-3" disabled={first || pending} onClick={() => move('up')} aria-label={t('categories.moveUp', { name: category.name })}>
              <ArrowUp aria-hidden className="size-5" />
            </button>
            <button type="button" className="btn btn-secondary px-3" disabled={last || pending} onClick={() => move('down')} aria-label={t('categories.moveDown', { name: category.name })}>
              <ArrowDown aria-hidden className="size-5" />
            </button>
            <button type="button" className="btn btn-secondary" onClick={() => setEditing((e) => !e)} aria-expanded={editing}>
              <Pencil aria-hidden className="size-5" />
              {editing ? tc('close') : t('edit')}
            </button>
          </div>
        ) : null}
      </div>
      <Refusal text={refusal} />
      {editing ? <CategoryEditForm category={category} onDone={() => setEditing(false)} /> : null}
    </li>
  )
}

type EditValues = { id: string; name: string; codePrefix: string; usefulLifeYears: string; isActive: boolean }

function CategoryEditForm({ category, onDone }: { category: Row; onDone: () => void }) {
  const t = useTranslations('settings')
  const tc = useTranslations('common')
  const { form, submit, fieldError, rootError, saved } = useActionForm<EditValues>({
    schema: categoryUpdate,
    action: updateCategoryAction,
    defaultValues: { id: category.id, name: category.name, codePrefix: category.codePrefix, usefulLifeYears: category.usefulLifeYears ? String(category.usefulLifeYears) : '', isActive: category.isActive },
    namespaces: ['categories'],
  })
  const id = (name: string) => `category-${category.id}-${name}`
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3 border-t border-gray-200 pt-3">
      {rootError ? <FormAlert>{rootError}</FormAlert> : null}
      {saved ? <FormAlert kind="success">{tc('saved')}</FormAlert> : null}
      <div className="grid gap-3 sm:grid-cols-[1fr_8rem_8rem]">
        <Field label={t('categories.name')} htmlFor={id('name')} error={fieldError('name')}>
          <input {...describedBy(id('name'), fieldError('name'))} {...form.register('name')} className="field" />
        </Field>
        <Field label={t('categories.codePrefix')} htmlFor={id('codePrefix')} error={fieldError('codePrefix')}>
          <input {...describedBy(id('codePrefix'), fieldError('codePrefix'))} {...form.register('codePrefix')} className="field font-mono font-black uppercase" maxLength={3} />
        </Field>
        <Field label={t('categories.usefulLife')} htmlFor={id('usefulLifeYears')} error={fieldError('usefulLifeYears')}>
          <input {...describedBy(id('usefulLifeYears'), fieldError('usefulLifeYears'))} {...form.register('usefulLifeYears')} inputMode="numeric" className="field" />
        </Field>
      </div>
      <p className="text-sm text-gray-700">{t('categories.prefixChangeHint')}</p>
      <label className="flex min-h-12 items-center gap-3 font-bold">
        <input type="checkbox" {...form.register('isActive')} className="size-6" />
        {t('categories.active')}
      </label>
      <p className="text-sm text-gray-700">{t('categories.deactivateHint')}</p>
      <div className="flex gap-2">
        <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
          {tc('save')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onDone}>
          {tc('close')}
        </button>
      </div>
    </form>
  )
}
