'use client'

import { useRef, useState, useTransition } from 'react'
import { useTranslations } from 'next-intl'
import type { Failure } from '@/lib/result'
import { FormAlert } from './field'
import { useErrorText } from './use-messages'

/**
 * A button that asks before it acts: a dialog with what will happen (and any inputs it needs), then the
 * server action. A refusal is shown in the dialog in the reader's language.
 */
export function ConfirmAction({
  label,
  title,
  body,
  confirmLabel,
  action,
  hidden,
  children,
  danger,
  icon,
  namespaces = [],
  buttonClassName,
}: {
  label: string
  title: string
  body?: React.ReactNode
  confirmLabel: string
  action: (formData: FormData) => Promise<Failure | void | { ok: true }>
  /** Hidden inputs sent with the action (ids). */
  hidden?: Record<string, string>
  children?: React.ReactNode
  danger?: boolean
  icon?: React.ReactNode
  namespaces?: string[]
  buttonClassName?: string
}) {
  const t = useTranslations('common')
  const text = useErrorText(namespaces)
  const dialog = useRef<HTMLDialogElement>(null)
  const [failure, setFailure] = useState<Failure | null>(null)
  const [pending, start] = useTransition()
  // onSubmit rather than a form action: React resets a form after its action, which would wipe what was typed on a refusal.
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const formData = new FormData(event.currentTarget)
    start(async () => {
      const result = await action(formData)
      if (result && !result.ok) setFailure(result)
      else {
        setFailure(null)
        dialog.current?.close()
      }
    })
  }
  return (
    <>
      <button type="button" className={buttonClassName ?? `btn ${danger ? 'btn-secondary border-red-700 text-red-800' : 'btn-secondary'}`} onClick={() => dialog.current?.showModal()}>
        {icon}
        {label}
      </button>
      <dialog ref={dialog} aria-label={title} className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl p-0 backdrop:bg-black/50">
        <form onSubmit={submit} className="flex flex-col gap-4 p-5">
          <h2 className="text-xl font-bold">{title}</h2>
          {body ? <div className="text-gray-800">{body}</div> : null}
          {hidden ? Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />) : null}
          {children}
          {failure ? (
            <FormAlert>
              {text.error(failure.error)}
              {failure.error.fields ? (
                <span className="mt-1 block font-normal">{Object.values(failure.error.fields).map((code) => text.field(code)).join(' ')}</span>
              ) : null}
            </FormAlert>
          ) : null}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <button type="button" className="btn btn-secondary" onClick={() => dialog.current?.close()}>
              {t('cancel')}
            </button>
            <button type="submit" className={`btn ${danger ? 'bg-red-700 text-white hover:bg-red-800' : 'btn-primary'}`} disabled={pending}>
              {confirmLabel}
            </button>
          </div>
        </form>
      </dialog>
    </>
  )
}
