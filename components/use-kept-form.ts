'use client'

import { startTransition, useActionState, useEffect, useRef } from 'react'
import type { Result } from '@/lib/result'

type Action = (previous: Result | null, formData: FormData) => Promise<Result>

/**
 * A server-action form that keeps what was typed when the action refuses it. React resets an uncontrolled
 * `<form action>` after every submit, so once the script runs the submit goes through `onSubmit` instead (the
 * `action` stays for a phone whose script has not loaded yet) and the form is cleared only after a success.
 * `prepare` may add to the form data (a shrunk photo) or return false to stop (a declined confirm).
 */
export function useKeptForm(action: Action, prepare?: (formData: FormData) => boolean | void) {
  const [state, dispatch, pending] = useActionState(action, null)
  const ref = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (state?.ok) ref.current?.reset()
  }, [state])
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const formData = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter)
    if (prepare?.(formData) === false) return
    startTransition(() => dispatch(formData))
  }
  return { state, pending, form: { ref, action: dispatch, onSubmit } }
}
