'use client'

import { useActionState, useState } from 'react'
import { useTranslations } from 'next-intl'
import { Copy } from 'lucide-react'
import { FormAlert, TextField, fieldError } from '@/components/form'
import { invite } from './actions'

export function InviteForm({ roles }: { roles: { value: string; label: string }[] }) {
  const t = useTranslations('members')
  const [state, action, pending] = useActionState(invite, null)
  const [copied, setCopied] = useState(false)
  const link = state?.ok ? state.data.link : null
  return (
    <div className="mt-4 flex flex-col gap-4">
      <form action={action} className="flex flex-col gap-4 sm:flex-row sm:items-end" noValidate>
        <div className="flex-1">
          <TextField label={t('email')} name="email" type="email" autoComplete="off" inputMode="email" autoCapitalize="none" spellCheck={false} required error={fieldError(state, 'email')} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="invite-role" className="font-bold">
            {t('role')}
          </label>
          <select id="invite-role" name="role" defaultValue={roles.find((r) => r.value === 'staff') ? 'staff' : roles[0]?.value} className="field">
            {roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {t('invite')}
        </button>
      </form>
      {state && !state.ok ? <FormAlert state={state} /> : null}
      {link ? (
        <div role="status" className="rounded-lg border-2 border-green-700 bg-green-50 p-3">
          <p className="font-bold text-green-900">{t('invited')}</p>
          <p className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-center">
            <input className="field font-mono text-sm" readOnly value={link} aria-label={t('inviteLink')} data-testid="invite-link" onFocus={(e) => e.target.select()} />
            <button
              type="button"
              className="btn btn-secondary shrink-0"
              onClick={async () => {
                await navigator.clipboard?.writeText(link).catch(() => {})
                setCopied(true)
              }}
            >
              <Copy aria-hidden className="size-5" />
              {copied ? t('copied') : t('copyLink')}
            </button>
          </p>
        </div>
      ) : null}
    </div>
  )
}
