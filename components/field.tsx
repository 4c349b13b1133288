/** A labelled form control with its hint and its error underneath (read aloud with the control). */
export function Field({
  label,
  htmlFor,
  error,
  hint,
  required,
  requiredLabel,
  children,
  className = '',
}: {
  label: React.ReactNode
  htmlFor: string
  error?: string
  hint?: React.ReactNode
  required?: boolean
  requiredLabel?: string
  children: React.ReactNode
  className?: string
}) {
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={htmlFor} className="font-bold">
        {label}
        {required ? <span className="ml-2 rounded bg-red-700 px-1.5 py-0.5 text-xs text-white">{requiredLabel}</span> : null}
      </label>
      {children}
      {hint ? (
        <p id={`${htmlFor}-hint`} className="text-sm text-gray-700">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${htmlFor}-error`} role="alert" className="font-bold text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  )
}

/** Props that tie a control to its Field's hint and error. */
export const describedBy = (id: string, error?: string, hint?: boolean) => ({
  id,
  'aria-invalid': error ? true : undefined,
  'aria-describedby': [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined,
})

/** A form-wide message: an error in red, a success in green. */
export function FormAlert({ kind = 'error', children }: { kind?: 'error' | 'success'; children: React.ReactNode }) {
  return (
    <p
      role={kind === 'error' ? 'alert' : 'status'}
      className={`rounded-lg border-2 p-3 font-bold ${kind === 'error' ? 'border-red-700 bg-red-50 text-red-800' : 'border-green-700 bg-green-50 text-green-900'}`}
    >
      {children}
    </p>
  )
}
