'use client'

import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { FormAlert, TextField, fieldError } from '@/components/form'
import { savePassword, saveProfile } from './actions'

export function ProfileForm({ name, locale }: { name: string; locale: 'ja' | 'en' }) {
  const t = useTranslations('account')
  const tc = useTranslations('common')
  const [state, action, pending] = useActionState(saveProfile, null)
  return (
    <form action={action} className="mt-4 flex flex-col gap-4" noValidate>
      <FormAlert state={state} success={t('saved')} />
      <TextField label={t('name')} name="name" autoComplete="name" defaultValue={name} required error={fieldError(state, 'name')} />
      <label className="flex flex-col gap-1 font-bold">
        {tc('language')}
        <select name="locale" defaultValue={locale} className="field">
          <option value="ja">{tc('japanese')}</option>
          <option value="en">{tc('english')}</option>
        </select>
      </label>
      <button type="submit" className="btn btn-primary self-start" disabled={pending}>
        {t('save')}
      </button>
    </form>
  )
}

export function PasswordForm({ email }: { email: string }) {
  const t = useTranslations('account')
  const [state, action, pending] = useActionState(savePassword, null)
  return (
    <form action={action} className="mt-4 flex flex-col gap-4" noValidate>
      <FormAlert state={state} success={t('passwordChanged')} />
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField label={t('currentPassword')} name="currentPassword" type="password" autoComplete="current-password" required error={fieldError(state, 'currentPassword')} />
      <TextField label={t('newPassword')} name="newPassword" type="password" autoComplete="new-password" required hint={t('passwordHint')} error={fieldError(state, 'newPassword')} />
      <button type="submit" className="btn btn-primary self-start" disabled={pending}>
        {t('changePassword')}
      </button>
    </form>
  )
}
