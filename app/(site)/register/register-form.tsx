'use client'

import { useActionState, useEffect, useRef, useState } from 'react'
import { useTranslations } from 'next-intl'
import { FormAlert, TextField, fieldError } from '@/components/form'
import { checkSubdomain, registerCompany, type SubdomainStatus } from './actions'

export function RegisterForm({ domain }: { domain: string }) {
  const t = useTranslations('register')
  const [state, action, pending] = useActionState(registerCompany, null)
  const [subdomain, setSubdomain] = useState('')
  const [status, setStatus] = useState<SubdomainStatus | null>(null)
  const [suffix, setSuffix] = useState(false)
  const latest = useRef('')

  // Availability as you type, a moment after the last key.
  useEffect(() => {
    latest.current = subdomain
    if (!subdomain) return
    const timer = setTimeout(async () => {
      const result = await checkSubdomain(subdomain)
      if (latest.current === subdomain && result.ok) setStatus(result.data)
    }, 350)
    return () => clearTimeout(timer)
  }, [subdomain])

  const subdomainError = fieldError(state, 'subdomain')
  return (
    <form action={action} className="mt-6 flex flex-col gap-4" noValidate>
      <FormAlert state={state} />
      <TextField label={t('companyName')} name="companyName" autoComplete="organization" required error={fieldError(state, 'companyName')} />
      <TextField
        label={t('subdomain')}
        name="subdomain"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        inputMode="url"
        required
        onValue={(v) => {
          setSubdomain(v.trim().toLowerCase())
          if (!v.trim()) setStatus(null)
        }}
        hint={
          <>
            {t('subdomainHint', { example: `a-kensetsu.${domain}` })}
            {status && subdomain ? (
              <span aria-live="polite" className={`mt-1 block font-bold ${status.available ? 'text-green-800' : 'text-red-700'}`} data-testid="subdomain-status">
                {status.message}
              </span>
            ) : null}
          </>
        }
        error={subdomainError}
      />
      <label className="flex min-h-12 items-center gap-3 font-bold">
        <input type="checkbox" name="randomSuffix" className="size-6" checked={suffix} onChange={(e) => setSuffix(e.target.checked)} />
        <span>
          {t('randomSuffix')}
          <span className="block text-sm font-normal text-gray-700">{t('randomSuffixHint', { example: `${subdomain || 'a-kensetsu'}-x7k2.${domain}` })}</span>
        </span>
      </label>
      <TextField label={t('ownerName')} name="ownerName" autoComplete="name" required error={fieldError(state, 'ownerName')} />
      <TextField label={t('email')} name="email" type="email" autoComplete="username" inputMode="email" autoCapitalize="none" spellCheck={false} required error={fieldError(state, 'email')} />
      <TextField label={t('password')} name="password" type="password" autoComplete="new-password" required hint={t('passwordHint')} error={fieldError(state, 'password')} />
      <button type="submit" className="btn btn-accent mt-2 w-full" disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  )
}
