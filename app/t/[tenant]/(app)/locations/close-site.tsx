'use client'

import Link from 'next/link'
import { useRef, useState, useTransition } from 'react'
import { DoorClosed, DoorOpen } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { FormAlert } from '@/components/field'
import { useErrorText } from '@/components/use-messages'
import type { Failure } from '@/lib/result'
import { closeSiteAction, reopenSiteAction, setLocationActiveAction } from './actions'

type StillThere = { id: string; toolCode: string; name: string }

/**
 * Closing a job site: a confirmation with the end date; refused while tools are still there, and then it
 * says which ones (each a link, so they can be brought back first).
 */
export function CloseSite({ id, name, today }: { id: string; name: string; today: string }) {
  const t = useTranslations('locations')
  const tc = useTranslations('common')
  const text = useErrorText(['locations'])
  const dialog = useRef<HTMLDialogElement>(null)
  const [failure, setFailure] = useState<Failure | null>(null)
  const [pending, start] = useTransition()
  const tools = (failure?.error.details?.tools as StillThere[] | undefined) ?? []
  const count = Number(failure?.error.details?.count ?? 0)
  return (
    <>
      <button type="button" className="btn btn-primary" onClick={() => dialog.current?.showModal()}>
        <DoorClosed aria-hidden className="size-5" />
        {t('close.button')}
      </button>
      <dialog ref={dialog} aria-label={t('close.title', { name })} className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-xl p-0 backdrop:bg-black/50">
        <form
          className="flex flex-col gap-4 p-5"
          onSubmit={(event) => {
            event.preventDefault()
            const formData = new FormData(event.currentTarget)
            start(async () => {
              const result = await closeSiteAction(formData)
              if (result.ok) {
                setFailure(null)
                dialog.current?.close()
              } else setFailure(result)
            })
          }}
        >
          <h2 className="text-xl font-bold">{t('close.title', { name })}</h2>
          <p>{t('close.body')}</p>
          <input type="hidden" name="id" value={id} />
          <label className="flex flex-col gap-1 font-bold">
            {t('fields.endsOn')}
            <input type="date" name="endsOn" defaultValue={today} className="field" />
          </label>
          {failure ? (
            <div className="flex flex-col gap-2">
              <FormAlert>
                {text.error(failure.error)}
                {failure.error.fields ? <span className="block font-normal">{Object.values(failure.error.fields).map((c) => text.field(c)).join(' ')}</span> : null}
              </FormAlert>
              {tools.length ? (
                <>
                  <ul aria-label={t('close.stillThere')} className="flex max-h-64 flex-col gap-1 overflow-y-auto">
                    {tools.map((tool) => (
                      <li key={tool.id}>
                        <Link href={`/tools/${tool.id}`} className="flex min-h-12 items-center gap-3 rounded-lg border-2 border-gray-300 px-3">
                          <span className="font-mono font-black">{tool.toolCode}</span>
                          <span className="truncate">{tool.name}</span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                  {count > tools.length ? <p className="text-sm">{t('close.andMore', { count: count - tools.length })}</p> : null}
                </>
              ) : null}
            </div>
          ) : null}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <button type="button" className="btn btn-secondary" onClick={() => dialog.current?.close()}>
              {tc('cancel')}
            </button>
            <button type="submit" className="btn btn-primary" disabled={pending}>
              {t('close.confirm')}
            </button>
          </div>
        </form>
      </dialog>
    </>
  )
}

/** Reopening a closed site, or switching a warehouse on and off: one plain button each. */
export function PlaceToggle({ id, kind }: { id: string; kind: 'reopen' | 'deactivate' | 'activate' }) {
  const t = useTranslations('locations')
  const text = useErrorText(['locations'])
  const [failure, setFailure] = useState<Failure | null>(null)
  const [pending, start] = useTransition()
  return (
    <form
      action={(formData) =>
        start(async () => {
          const result = kind === 'reopen' ? await reopenSiteAction(formData) : await setLocationActiveAction(formData)
          setFailure(result.ok ? null : result)
        })
      }
      className="flex flex-col gap-2"
    >
      <input type="hidden" name="id" value={id} />
      {kind !== 'reopen' ? <input type="hidden" name="isActive" value={kind === 'activate' ? 'true' : 'false'} /> : null}
      <button type="submit" className="btn btn-secondary" disabled={pending}>
        {kind === 'deactivate' ? <DoorClosed aria-hidden className="size-5" /> : <DoorOpen aria-hidden className="size-5" />}
        {t(`actions.${kind}`)}
      </button>
      {failure ? <FormAlert>{text.error(failure.error)}</FormAlert> : null}
    </form>
  )
}
