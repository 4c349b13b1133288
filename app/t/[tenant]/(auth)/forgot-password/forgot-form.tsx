'use client'

import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { FormAlert, TextField, fieldError } from '@/components/form'
import { requestReset } from './actions'

export function ForgotForm() {
  const t = useTranslations('forgot')
  const [state, action, pending] = useActionState(requestReset, null)
  return (
    <form action={action} className="mt-6 flex flex-col gap-4" noValidate>
      <FormAlert state={state} success={t('sent')} />
      <TextField label={t('email')} name="email" type="email" autoComplete="username" inputMode="email" autoCapitalize="none" spellCheck={false} required error={fieldError(state, 'email')} />
      <button type="submit" className="btn btn-primary w-full" disabled={pending}>
        {t('submit')}
      </button>
    </form>
  )
}
