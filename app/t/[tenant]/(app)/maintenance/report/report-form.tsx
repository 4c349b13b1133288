'use client'

import { Camera } from 'lucide-react'
import { useState } from 'react'
import { FormAlert, fieldError } from '@/components/form'
import { useKeptForm } from '@/components/use-kept-form'
import type { Result } from '@/lib/result'

/** Downscales a phone photo before it leaves the phone (a basement's signal is slow); the server normalises it again. */
async function shrink(file: File, max = 1600): Promise<Blob | null> {
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
    const scale = Math.min(1, max / Math.max(bitmap.width, bitmap.height))
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(bitmap.width * scale)
    canvas.height = Math.round(bitmap.height * scale)
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
    return await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85))
  } catch {
    return null
  }
}

export function ReportForm(props: {
  toolId: string
  action: (previous: Result | null, formData: FormData) => Promise<Result>
  labels: { problem: string; problemHint: string; photo: string; photoHint: string; submit: string; sending: string }
}) {
  const [photo, setPhoto] = useState<{ blob: Blob; url: string } | null>(null)
  const { state, pending, form } = useKeptForm(props.action, (formData) => {
    if (photo) formData.set('photo', photo.blob, 'photo.jpg')
  })
  return (
    <form {...form} className="flex flex-col gap-4">
      <FormAlert state={state} />
      <input type="hidden" name="toolId" value={props.toolId} />
      <div className="flex flex-col gap-1">
        <label htmlFor="problem" className="font-bold">
          {props.labels.problem}
        </label>
        <textarea
          id="problem"
          name="problem"
          required
          maxLength={1000}
          rows={4}
          className="field min-h-28 py-2"
          aria-describedby="problem-hint"
          aria-invalid={fieldError(state, 'problem') ? true : undefined}
        />
        <span id="problem-hint" className="text-sm text-gray-700">
          {props.labels.problemHint}
        </span>
        {fieldError(state, 'problem') ? <span className="text-sm font-bold text-red-700">{fieldError(state, 'problem')}</span> : null}
      </div>
      <div className="flex flex-col gap-2">
        <label htmlFor="photo" className="btn btn-secondary self-start">
          <Camera aria-hidden className="size-6" />
          {props.labels.photo}
        </label>
        <input
          id="photo"
          name="photo"
          type="file"
          accept="image/*"
          capture="environment"
          className="text-sm"
          onChange={async (e) => {
            const file = e.target.files?.[0]
            if (photo) URL.revokeObjectURL(photo.url)
            if (!file) return setPhoto(null)
            const blob = (await shrink(file)) ?? file
            setPhoto({ blob, url: URL.createObjectURL(blob) })
          }}
        />
        <span className="text-sm text-gray-700">{props.labels.photoHint}</span>
        {/* eslint-disable-next-line @next/next/no-img-element -- a local preview (object URL), nothing to optimise */}
        {photo ? <img src={photo.url} alt="" className="max-h-64 w-auto self-start rounded-lg border border-gray-300" data-testid="photo-preview" /> : null}
      </div>
      <button type="submit" className="btn btn-accent" disabled={pending}>
        {pending ? props.labels.sending : props.labels.submit}
      </button>
    </form>
  )
}
