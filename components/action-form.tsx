'use client'

import { useErrorText } from './use-messages'
import { useKeptForm } from './use-kept-form'
import type { Result } from '@/lib/result'

/** A small form around one server action (a row's buttons): hidden fields, a confirm step, its error inline. */
export function ActionForm({
  action,
  hidden,
  confirm,
  className,
  children,
}: {
  action: (previous: Result | null, formData: FormData) => Promise<Result>
  hidden?: Record<string, string>
  confirm?: string
  className?: string
  children: React.ReactNode
}) {
  const { state, pending, form } = useKeptForm(action, () => !confirm || window.confirm(confirm))
  const text = useErrorText()
  return (
    <form {...form} className={className}>
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <fieldset disabled={pending} className="contents">
        {children}
      </fieldset>
      {state && !state.ok ? (
        <p role="alert" className="basis-full text-sm font-bold text-red-700">
          {state.error.message || text.error(state.error)}
        </p>
      ) : null}
    </form>
  )
}
