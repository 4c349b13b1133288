'use client'

import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { FormAlert, TextField, fieldError } from '@/components/form'
import { resetPassword } from './actions'

export function ResetForm({ token }: { token: string }) {
  const t = useTranslations('reset')
  const [state, action, pending] = useActionState(resetPassword, null)
  return (
    <form action={action} className="mt-6 flex flex-col gap-4" noValidate>
      <FormAlert state={state} />
      <input type="hidden" name="token" value={token} />
      <TextField label={t('newPassword')} name="password" type="password" autoComplete="new-password" required hint={t('passwordHint')} error={fieldError(state, 'password')} />
      <button type="submit" className="btn btn-primary w-full" disabled={pending}>
        {t('submit')}
      </button>
    </form>
  )
}
