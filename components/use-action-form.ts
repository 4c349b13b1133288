'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { get, useForm, type DefaultValues, type FieldValues, type Resolver, type UseFormReturn } from 'react-hook-form'
import type { z } from 'zod'
import { issueCode, type Failure, type Result } from '@/lib/result'
import { useErrorText } from './use-messages'

/**
 * A react-hook-form form on a shared zod schema (errors are codes, translated here) whose submit calls a server
 * action; the action's own refusals land on the fields they name, or above the form.
 */
export function useActionForm<V extends FieldValues>({
  schema,
  action,
  defaultValues,
  namespaces = [],
  resetOnSuccess,
}: {
  schema: z.ZodType
  action: (values: never) => Promise<Result<unknown> | Failure | void>
  defaultValues: DefaultValues<V>
  namespaces?: string[]
  resetOnSuccess?: boolean
}) {
  const text = useErrorText(namespaces)
  const form: UseFormReturn<V> = useForm<V>({
    defaultValues,
    resolver: zodResolver(schema as never, { error: issueCode } as never) as unknown as Resolver<V>,
    mode: 'onSubmit', reValidateMode: 'onChange',
  })
  const [saved, setSaved] = useState(false)
  const submit = form.handleSubmit(async (values) => {
    setSaved(false)
    const result = await action(values as never)
    if (result && !result.ok) {
      for (const [path, code] of Object.entries(result.error.fields ?? {})) form.setError(path as never, { type: 'server', message: code })
      form.setError('root.server', { type: 'server', message: text.error(result.error) })
      return
    }
    setSaved(true)
    if (resetOnSuccess) form.reset()
  })
  const fieldError = (name: string) => text.field((get(form.formState.errors, name) as { message?: string } | undefined)?.message)
  return { form, submit, fieldError, rootError: form.formState.errors.root?.server?.message, saved }
}
