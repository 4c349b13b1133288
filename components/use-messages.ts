'use client'

import { useLocale, useTranslations } from 'next-intl'
import { errorMessage, fieldErrorMessage, type Translate } from '@/lib/i18n/error-message'
import type { AppError } from '@/lib/result'

/** Error codes from commands turned into the reader's language (client components). */
export function useErrorText(namespaces: string[] = []) {
  const t = useTranslations() as unknown as Translate
  const locale = useLocale()
  return {
    error: (error: Pick<AppError, 'code' | 'details'>) => errorMessage(t, error, namespaces, locale),
    field: (code: string | undefined) => (code ? fieldErrorMessage(t, code, namespaces) : undefined),
  }
}
