'use client'

import { useState, useTransition } from 'react'
import { ArchiveRestore, Ban, RefreshCw, Trash2 } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { ConfirmAction } from '@/components/confirm-action'
import { FormAlert } from '@/components/field'
import { useErrorText } from '@/components/use-messages'
import type { Failure } from '@/lib/result'
import { deleteToolAction, disposeToolAction, restoreToolAction, setToolStatusAction } from './actions'

/** Normal / repair / broken or a company status; staff may do this too (a broken tool reported from the site). */
export function StatusChange({ id, current, statuses }: { id: string; current: string; statuses: { value: string; label: string }[] }) {
  const t = useTranslations('tools')
  const text = useErrorText(['tools', 'toolStatuses'])
  const [failure, setFailure] = useState<Failure | null>(null)
  const [done, setDone] = useState(false)
  const [pending, start] = useTransition()
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        const formData = new FormData(event.currentTarget)
        start(async () => {
          const result = await setToolStatusAction(formData)
          setFailure(result.ok ? null : result)
          setDone(result.ok)
        })
      }}
      className="flex flex-col gap-2"
    >
      <input type="hidden" name="id" value={id} />
      <label htmlFor="status-change" className="font-bold">
        {t('detail.changeStatus')}
      </label>
      <div className="flex gap-2">
        <select id="status-change" name="status" defaultValue={current} className="field" onChange={() => setDone(false)}>
          {statuses.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
        <button type="submit" className="btn btn-primary shrink-0" disabled={pending}>
          <RefreshCw aria-hidden className="size-5" />
          {t('detail.applyStatus')}
        </button>
      </div>
      {failure ? <FormAlert>{text.error(failure.error)}</FormAlert> : null}
      {done ? <FormAlert kind="success">{t('detail.statusChanged')}</FormAlert> : null}
    </form>
  )
}

export function DisposeTool({ id, today }: { id: string; today: string }) {
  const t = useTranslations('tools')
  return (
    <ConfirmAction
      label={t('detail.dispose')}
      title={t('detail.disposeTitle')}
      body={t('detail.disposeBody')}
      confirmLabel={t('detail.disposeConfirm')}
      action={disposeToolAction}
      hidden={{ id }}
      namespaces={['tools']}
      danger
      icon={<Ban aria-hidden className="size-5" />}
    >
      <label className="flex flex-col gap-1 font-bold">
        {t('fields.disposedOn')}
        <input type="date" name="disposedOn" defaultValue={today} className="field" />
      </label>
      <label className="flex flex-col gap-1 font-bold">
        {t('fields.disposalReason')}
        <textarea name="reason" rows={3} className="field py-2" />
      </label>
    </ConfirmAction>
  )
}

export function DeleteTool({ id, code }: { id: string; code: string }) {
  const t = useTranslations('tools')
  return (
    <ConfirmAction
      label={t('detail.delete')}
      title={t('detail.deleteTitle', { code })}
      body={t('detail.deleteBody')}
      confirmLabel={t('detail.deleteConfirm')}
      action={deleteToolAction}
      hidden={{ id }}
      namespaces={['tools']}
      danger
      icon={<Trash2 aria-hidden className="size-5" />}
    />
  )
}

export function RestoreTool({ id, code }: { id: string; code: string }) {
  const t = useTranslations('tools')
  return (
    <ConfirmAction
      label={t('trash.restore')}
      title={t('trash.restoreTitle', { code })}
      body={t('trash.restoreBody')}
      confirmLabel={t('trash.restore')}
      action={restoreToolAction}
      hidden={{ id }}
      namespaces={['tools']}
      icon={<ArchiveRestore aria-hidden className="size-5" />}
    />
  )
}
