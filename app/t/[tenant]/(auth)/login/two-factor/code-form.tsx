'use client'

import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { FormAlert, TextField, fieldError } from '@/components/form'
import { verifyCode } from './actions'

export function CodeForm({ next }: { next: string }) {
  const t = useTranslations('twoFactor')
  const [state, action, pending] = useActionState(verifyCode, null)
  return (
    <form action={action} className="mt-6 flex flex-col gap-4" noValidate>
      <FormAlert state={state} />
      <input type="hidden" name="next" value={next} />
      <TextField
        label={t('code')}
        name="code"
        autoComplete="one-time-code"
        inputMode="numeric"
        autoCapitalize="none"
        spellCheck={false}
        required
        autoFocus
        hint={t('codeHint')}
        error={fieldError(state, 'code')}
      />
      <button type="submit" className="btn btn-primary w-full" disabled={pending}>
        {t('verify')}
      </button>
    </form>
  )
}
