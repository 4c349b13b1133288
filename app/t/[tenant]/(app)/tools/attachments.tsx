'use client'

import { useRef, useState, useTransition } from 'react'
import { Camera, FileUp, X } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { FormAlert } from '@/components/field'
import { useErrorText } from '@/components/use-messages'
import { formatBytes } from '@/lib/i18n/error-message'
import type { Failure } from '@/lib/result'
import { deleteToolFileAction, uploadToolFileAction } from './actions'
import { Refusal, useRefusal } from '@/components/use-refusal'

/**
 * Adds a photo (the phone offers its camera) or a document. Too-large files are refused here before they are
 * sent; the server checks the size, the plan's total and the real type again.
 */
export function UploadFile({ toolId, kind, maxBytes }: { toolId: string; kind: 'photo' | 'document'; maxBytes: number }) {
  const t = useTranslations('tools')
  const ts = useTranslations('storage')
  const text = useErrorText(['storage', 'tools'])
  const form = useRef<HTMLFormElement>(null)
  const [failure, setFailure] = useState<Failure | null>(null)
  const [pending, start] = useTransition()
  const id = `upload-${kind}`
  return (
    <form
      ref={form}
      className="flex flex-col gap-2"
      action={(formData) =>
        start(async () => {
          const file = formData.get('file')
          if (file instanceof File && file.size > maxBytes) {
            setFailure({ ok: false, error: { code: 'FILE_TOO_LARGE', details: { limit: maxBytes } } })
            return
          }
          const result = await uploadToolFileAction(formData)
          setFailure(result.ok ? null : result)
          if (result.ok) form.current?.reset()
        })
      }
    >
      <input type="hidden" name="toolId" value={toolId} />
      {kind === 'photo' ? <input type="hidden" name="kind" value="photo" /> : null}
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        {kind === 'document' ? (
          <label className="flex flex-col gap-1 font-bold">
            {t('detail.documentKind')}
            <select name="kind" className="field" defaultValue="manual">
              {(['manual', 'certificate', 'other'] as const).map((k) => (
                <option key={k} value={k}>
                  {ts(`kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label htmlFor={id} className="flex flex-1 flex-col gap-1 font-bold">
          {kind === 'photo' ? t('detail.photoFile') : t('detail.documentFile')}
          <input
            id={id}
            name="file"
            type="file"
            required
            accept={kind === 'photo' ? 'image/jpeg,image/png,image/webp' : 'application/pdf,image/jpeg,image/png,image/webp'}
            className="field py-2 file:mr-3 file:min-h-10 file:rounded file:border-0 file:bg-gray-200 file:px-3 file:font-bold"
          />
        </label>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {kind === 'photo' ? <Camera aria-hidden className="size-5" /> : <FileUp aria-hidden className="size-5" />}
          {pending ? t('detail.uploading') : kind === 'photo' ? t('detail.addPhoto') : t('detail.addDocument')}
        </button>
      </div>
      <p className="text-sm text-gray-700">{t('detail.sizeLimit', { size: formatBytes(maxBytes) })}</p>
      {failure ? <FormAlert>{text.error(failure.error)}</FormAlert> : null}
    </form>
  )
}

export function DeleteFile({ id, name }: { id: string; name: string }) {
  const t = useTranslations('tools')
  const { pending, refusal, run } = useRefusal(['storage', 'tools'])
  return (
    <form
      action={(formData) => {
        if (window.confirm(t('detail.deleteFileConfirm', { name }))) run(() => deleteToolFileAction(formData))
      }}
    >
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="btn btn-secondary min-h-12 px-3" disabled={pending} aria-label={t('detail.deleteFile', { name })}>
        <X aria-hidden className="size-5" />
      </button>
      <Refusal text={refusal} />
    </form>
  )
}
