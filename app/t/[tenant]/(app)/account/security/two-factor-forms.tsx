'use client'

import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { FormAlert, TextField, fieldError } from '@/components/form'
import { beginTwoFactor, finishTwoFactor, turnOffTwoFactor } from '../actions'

export function EnrolTwoFactor() {
  const t = useTranslations('twoFactor')
  const [enrolment, begin, starting] = useActionState(beginTwoFactor, null)
  const [done, confirm, confirming] = useActionState(finishTwoFactor, null)
  if (done?.ok)
    return (
      <div className="mt-4 flex flex-col gap-3">
        <p role="status" className="rounded-lg border-2 border-green-700 bg-green-50 p-3 font-bold text-green-900">
          {t('enabledNow')}
        </p>
        <h3 className="text-lg font-bold">{t('recoveryTitle')}</h3>
        <p className="text-gray-700">{t('recoveryLead')}</p>
        <ul className="grid grid-cols-2 gap-2 rounded-lg bg-gray-100 p-3 font-mono text-lg" data-testid="recovery-codes">
          {done.data.recoveryCodes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <a href="/account/security" className="btn btn-primary self-start">
          {t('done')}
        </a>
      </div>
    )
  if (!enrolment?.ok)
    return (
      <form action={begin} className="mt-4 flex flex-col gap-3">
        <FormAlert state={enrolment} />
        <button type="submit" className="btn btn-primary self-start" disabled={starting}>
          {t('start')}
        </button>
      </form>
    )
  return (
    <div className="mt-4 flex flex-col gap-4">
      <ol className="list-decimal space-y-2 pl-6 text-gray-800">
        <li>{t('step1')}</li>
        <li>{t('step2')}</li>
      </ol>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server, nothing to optimise */}
      <img src={enrolment.data.qr} alt={t('qrAlt')} width={240} height={240} className="self-start rounded-lg border border-gray-300" />
      <p className="text-sm text-gray-700">
        {t('manualEntry')} <code className="break-all rounded bg-gray-100 px-1 font-mono text-base" data-testid="totp-secret">{enrolment.data.secret}</code>
      </p>
      <form action={confirm} className="flex flex-col gap-3" noValidate>
        <FormAlert state={done} />
        <TextField label={t('code')} name="code" autoComplete="one-time-code" inputMode="numeric" required error={fieldError(done, 'code')} />
        <button type="submit" className="btn btn-primary self-start" disabled={confirming}>
          {t('confirm')}
        </button>
      </form>
    </div>
  )
}

export function DisableTwoFactor({ email }: { email: string }) {
  const t = useTranslations('twoFactor')
  const [state, action, pending] = useActionState(turnOffTwoFactor, null)
  return (
    <form action={action} className="mt-4 flex flex-col gap-3" noValidate>
      <FormAlert state={state} />
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField label={t('passwordToDisable')} name="password" type="password" autoComplete="current-password" required error={fieldError(state, 'password')} />
      <button type="submit" className="btn btn-secondary self-start text-red-800" disabled={pending}>
        {t('disable')}
      </button>
    </form>
  )
}
