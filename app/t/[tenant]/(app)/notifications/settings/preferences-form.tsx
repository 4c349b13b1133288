'use client'

import { useTranslations } from 'next-intl'
import { useActionState } from 'react'
import { FormAlert } from '@/components/form'
import type { Result } from '@/lib/result'

interface Row {
  topic: string
  label: string
  /** Whether the bell is a channel for this topic (alert topics live on the home screen instead). */
  bell: boolean
  inApp: boolean
  email: boolean
}

export function PreferencesForm({ rows, action }: { rows: Row[]; action: (previous: Result | null, formData: FormData) => Promise<Result> }) {
  const t = useTranslations('notifications.settings')
  const [state, dispatch, pending] = useActionState(action, null)
  return (
    <form action={dispatch} className="flex flex-col gap-4">
      <FormAlert state={state} success={t('saved')} />
      <table className="card w-full border-separate border-spacing-0 p-0">
        <thead>
          <tr className="text-left">
            <th scope="col" className="p-3">
              {t('topic')}
            </th>
            <th scope="col" className="w-24 p-3 text-center">
              {t('inApp')}
            </th>
            <th scope="col" className="w-24 p-3 text-center">
              {t('email')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.topic} className="border-t border-gray-200">
              <th scope="row" className="border-t border-gray-200 p-3 text-left font-bold">
                {r.label}
              </th>
              <td className="border-t border-gray-200 p-1 text-center">
                {r.bell ? (
                  <label className="inline-flex size-12 items-center justify-center">
                    <input type="checkbox" name={`${r.topic}.inApp`} value="on" defaultChecked={r.inApp} className="size-6" aria-label={`${r.label}: ${t('inApp')}`} />
                  </label>
                ) : (
                  <>
                    <input type="hidden" name={`${r.topic}.inApp`} value={r.inApp ? 'on' : 'false'} />
                    <span className="text-xs text-gray-700">{t('dashboardOnly')}</span>
                  </>
                )}
              </td>
              <td className="border-t border-gray-200 p-1 text-center">
                <label className="inline-flex size-12 items-center justify-center">
                  <input type="checkbox" name={`${r.topic}.email`} value="on" defaultChecked={r.email} className="size-6" aria-label={`${r.label}: ${t('email')}`} />
                </label>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {t('save')}
      </button>
    </form>
  )
}
