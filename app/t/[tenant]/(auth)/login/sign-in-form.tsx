'use client'

import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { TextField } from '@/components/form'
import { signIn } from './actions'

export function SignInForm({ next }: { next?: string }) {
  const t = useTranslations('auth')
  const [state, action, pending] = useActionState(signIn, null)
  return (
    <form action={action} className="mt-6 flex flex-col gap-4" noValidate>
      {state && !state.ok ? (
        <p role="alert" className="rounded-lg border-2 border-red-700 bg-red-50 p-3 font-bold text-red-800">
          {state.error.message}
        </p>
      ) : null}
      <input type="hidden" name="next" value={next ?? ''} />
      <TextField label={t('email')} type="email" name="email" autoComplete="username" inputMode="email" required autoCapitalize="none" spellCheck={false} />
      <label className="flex flex-col gap-1 font-bold">
        {t('password')}
        <input className="field" type="password" name="password" autoComplete="current-password" required />
      </label>
      <button type="submit" className="btn btn-primary mt-2 w-full" disabled={pending}>
        {pending ? t('signingIn') : t('submit')}
      </button>
    </form>
  )
}
