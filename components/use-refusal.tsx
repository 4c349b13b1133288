'use client'

import { useState, useTransition } from 'react'
import type { Result } from '@/lib/result'
import { useErrorText } from './use-messages'

/**
 * Runs a server action from a button and keeps its refusal, translated, for the caller to show: a FORBIDDEN or
 * CONFLICT must not look like a button that does nothing.
 */
export function useRefusal(namespaces: string[] = []) {
  const text = useErrorText(namespaces)
  const [pending, start] = useTransition()
  const [refusal, setRefusal] = useState<string | null>(null)
  const run = (action: () => Promise<Result<unknown> | void>) =>
    start(async () => {
      const result = await action()
      setRefusal(result && !result.ok ? text.error(result.error) : null)
    })
  return { pending, refusal, run }
}

/** Where a refusal is shown, next to the button that caused it. */
export function Refusal({ text }: { text: string | null }) {
  return text ? (
    <p role="alert" className="text-sm font-bold text-red-700">
      {text}
    </p>
  ) : null
}
