'use client'

import Link from 'next/link'
import { useState, useTransition } from 'react'
import { CheckCircle2, FileSearch, Upload } from 'lucide-react'
import { useTranslations } from 'next-intl'
import { FormAlert } from '@/components/field'
import { useErrorText } from '@/components/use-messages'
import type { ImportPreview } from '@/lib/csv/tool-import'
import type { Failure } from '@/lib/result'
import { importCsvAction, previewImportAction } from '../actions'

/** Choose a file → see what it would do, row by row → confirm (the same file is sent again) → result. */
export function ImportForm() {
  const t = useTranslations('csv')
  const text = useErrorText(['csv', 'tools'])
  const [file, setFile] = useState<File | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [failure, setFailure] = useState<Failure | null>(null)
  const [done, setDone] = useState<{ created: number; updated: number } | null>(null)
  const [pending, start] = useTransition()

  const send = (action: typeof previewImportAction | typeof importCsvAction, onOk: (data: never) => void) => {
    if (!file) return
    const body = new FormData()
    body.set('file', file)
    start(async () => {
      const result = await action(body)
      if (result.ok) {
        setFailure(null)
        onOk(result.data as never)
      } else {
        setFailure(result)
        const again = (result.error.details as { preview?: ImportPreview } | undefined)?.preview
        if (again) setPreview(again)
      }
    })
  }

  const errorRows = preview?.rows.filter((r) => r.action === 'error') ?? []
  const canImport = !!preview && errorRows.length === 0 && preview.problems.length === 0 && preview.summary.total > 0 && !done

  return (
    <div className="flex flex-col gap-6">
      <form
        className="card flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault()
          send(previewImportAction, (data: ImportPreview) => setPreview(data))
        }}
      >
        <label htmlFor="csv-file" className="font-bold">
          {t('import.file')}
        </label>
        <input
          id="csv-file"
          type="file"
          accept=".csv,text/csv"
          className="field py-2 file:mr-3 file:min-h-10 file:rounded file:border-0 file:bg-gray-200 file:px-3 file:font-bold"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null)
            setPreview(null)
            setDone(null)
            setFailure(null)
          }}
        />
        <p className="text-sm text-gray-700">{t('import.hint')}</p>
        <button type="submit" className="btn btn-primary self-start" disabled={!file || pending}>
          <FileSearch aria-hidden className="size-5" />
          {pending && !preview ? t('import.checking') : t('import.check')}
        </button>
      </form>

      {failure ? <FormAlert>{text.error(failure.error.code === 'IMPORT_FAILED' ? { code: 'IMPORT_FAILED', details: failure.error.details } : failure.error)}</FormAlert> : null}

      {preview ? (
        <section className="card flex flex-col gap-4" aria-labelledby="preview-title">
          <h2 id="preview-title" className="text-xl font-bold">
            {t('import.previewTitle')}
          </h2>
          <ul className="flex flex-wrap gap-3" aria-label={t('import.summary')}>
            <li className="rounded-lg bg-gray-100 px-4 py-2 font-bold">{t('import.total', { count: preview.summary.total })}</li>
            <li className="rounded-lg bg-green-100 px-4 py-2 font-bold text-green-900">{t('import.create', { count: preview.summary.create })}</li>
            <li className="rounded-lg bg-blue-100 px-4 py-2 font-bold text-blue-900">{t('import.update', { count: preview.summary.update })}</li>
            <li className={`rounded-lg px-4 py-2 font-bold ${preview.summary.error ? 'bg-red-700 text-white' : 'bg-gray-100'}`}>
              {t('import.errors', { count: preview.summary.error })}
            </li>
          </ul>
          <p className="text-sm text-gray-700">{t('import.encoding', { encoding: preview.encoding === 'shift_jis' ? 'Shift_JIS' : 'UTF-8' })}</p>
          {preview.ignoredColumns.length ? <p className="text-sm text-gray-700">{t('import.ignored', { columns: preview.ignoredColumns.join('、') })}</p> : null}
          {preview.problems.map((p) => (
            <FormAlert key={p.code}>{text.error(p)}</FormAlert>
          ))}
          {errorRows.length ? (
            <>
              <FormAlert>{t('import.fixAndRetry', { count: errorRows.length })}</FormAlert>
              <div className="overflow-x-auto">
                <table className="w-full border-separate border-spacing-0 text-left" aria-label={t('import.errorTable')}>
                  <thead>
                    <tr>
                      {[t('import.row'), t('columns.toolCode'), t('columns.name'), t('import.problem')].map((h) => (
                        <th key={h} scope="col" className="border-b-2 border-gray-300 bg-gray-100 px-3 py-2 text-sm whitespace-nowrap">
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {errorRows.map((r) => (
                      <tr key={r.row} data-row={r.row}>
                        <th scope="row" className="border-b border-gray-200 px-3 py-2 font-mono font-bold">
                          {r.row}
                        </th>
                        <td className="border-b border-gray-200 px-3 py-2 font-mono">{r.toolCode}</td>
                        <td className="border-b border-gray-200 px-3 py-2">{r.name}</td>
                        <td className="border-b border-gray-200 px-3 py-2 text-red-800">
                          <ul>
                            {r.errors.map((e) => (
                              <li key={e.column}>{t('rowError', { row: r.row, column: e.column, message: text.error({ code: e.code }) })}</li>
                            ))}
                          </ul>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
          {canImport ? (
            <div className="flex flex-col gap-2">
              <p className="font-bold">{t('import.ready', { create: preview.summary.create, update: preview.summary.update })}</p>
              <button type="button" className="btn btn-accent self-start text-lg" disabled={pending} onClick={() => send(importCsvAction, (data: { created: number; updated: number }) => setDone(data))}>
                <Upload aria-hidden className="size-5" />
                {pending ? t('import.importing') : t('import.confirm')}
              </button>
            </div>
          ) : null}
        </section>
      ) : null}

      {done ? (
        <div role="status" className="card flex flex-col gap-3 border-2 border-green-700">
          <p className="flex items-center gap-2 text-xl font-bold text-green-900">
            <CheckCircle2 aria-hidden className="size-7" />
            {t('import.done', { created: done.created, updated: done.updated })}
          </p>
          <Link href="/tools?sort=updated&dir=desc" className="btn btn-secondary self-start">
            {t('import.seeList')}
          </Link>
        </div>
      ) : null}
    </div>
  )
}
