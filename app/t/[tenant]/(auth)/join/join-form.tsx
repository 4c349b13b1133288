'use client'

import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { FormAlert, TextField, fieldError } from '@/components/form'
import { join } from './actions'

export function JoinForm({ token, email, mode }: { token: string; email: string; mode: 'new' | 'existing' }) {
  const t = useTranslations('join')
  const [state, action, pending] = useActionState(join, null)
  return (
    <form action={action} className="mt-4 flex flex-col gap-4" noValidate>
      <FormAlert state={state} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="mode" value={mode} />
      {/* For password managers: the account this password belongs to. */}
      <input type="email" name="email" autoComplete="username" value={email} readOnly hidden />
      {mode === 'new' ? <TextField label={t('name')} name="name" autoComplete="name" required error={fieldError(state, 'name')} /> : null}
      <TextField
        label={mode === 'new' ? t('newPassword') : t('password')}
        name="password"
        type="password"
        autoComplete={mode === 'new' ? 'new-password' : 'current-password'}
        required
        hint={mode === 'new' ? t('passwordHint') : undefined}
        error={fieldError(state, 'password')}
      />
      <button type="submit" className="btn btn-primary w-full" disabled={pending}>
        {mode === 'new' ? t('createAndJoin') : t('joinExisting')}
      </button>
    </form>
  )
}
