'use client'

import { useEffect, useId, useRef, useState } from 'react'
import type { Result } from '@/lib/result'

/** A labelled input that keeps what was typed across a failed submit (React resets uncontrolled fields). */
export function TextField({
  label,
  name,
  error,
  hint,
  defaultValue = '',
  onValue,
  ...input
}: { label: string; name: string; error?: string; hint?: React.ReactNode; defaultValue?: string; onValue?: (v: string) => void } & Omit<
  React.InputHTMLAttributes<HTMLInputElement>,
  'name' | 'defaultValue' | 'value'
>) {
  const [value, setValue] = useState(defaultValue)
  const id = useId()
  const ref = useRef<HTMLInputElement>(null)
  // What was typed before hydration (a slow phone) is in the DOM, not yet in state: adopt it once.
  useEffect(() => {
    const typed = ref.current?.value
    if (typed && typed !== defaultValue) setValue(typed)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount
  }, [])
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-bold">
        {label}
      </label>
      <input
        ref={ref}
        id={id}
        className="field"
        name={name}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
        onChange={(e) => {
          setValue(e.target.value)
          onValue?.(e.target.value)
        }}
      />
      {hint ? (
        <span id={`${id}-hint`} className="text-sm text-gray-700">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="text-sm font-bold text-red-700">
          {error}
        </span>
      ) : null}
    </div>
  )
}

/** The form-level message of a failed action, or a success note. */
export function FormAlert({ state, success }: { state: Result<unknown> | null; success?: string }) {
  if (state && !state.ok)
    return (
      <p role="alert" className="rounded-lg border-2 border-red-700 bg-red-50 p-3 font-bold text-red-800">
        {state.error.message}
      </p>
    )
  if (state?.ok && success)
    return (
      <p role="status" className="rounded-lg border-2 border-green-700 bg-green-50 p-3 font-bold text-green-900">
        {success}
      </p>
    )
  return null
}

export const fieldError = (state: Result<unknown> | null, name: string) => (state && !state.ok ? state.error.fields?.[name] : undefined)
