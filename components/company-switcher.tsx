'use client'

import { useRef } from 'react'

/** One login, several companies: choosing one signs in there through a single-use handoff. */
export function CompanySwitcher({
  current,
  companies,
  action,
  label,
}: {
  current: string
  companies: { id: string; name: string }[]
  action: (formData: FormData) => Promise<void>
  label: string
}) {
  const form = useRef<HTMLFormElement>(null)
  return (
    <form ref={form} action={action} className="min-w-0">
      <label className="sr-only" htmlFor="company-switcher">
        {label}
      </label>
      <select
        id="company-switcher"
        name="organizationId"
        defaultValue={current}
        className="min-h-12 max-w-full truncate rounded-lg border-2 border-gray-300 bg-white px-2 text-lg font-bold"
        onChange={() => form.current?.requestSubmit()}
      >
        {companies.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="btn btn-secondary ml-2">
          {label}
        </button>
      </noscript>
    </form>
  )
}
