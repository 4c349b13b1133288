import 'server-only'
import { getTranslations } from 'next-intl/server'
import type { z } from 'zod'
import { fail, rateLimited } from '../result'
import { fieldErrors } from '../validation'

/** Bad input: one translated message plus one per field. */
export async function invalid(error: z.ZodError) {
  const [t, tv] = await Promise.all([getTranslations('errors'), getTranslations('validation')])
  return fail('VALIDATION', t('VALIDATION'), fieldErrors(error, (key, values) => tv(key as never, values as never)))
}

/** The translated 429 message with the wait in minutes, and the seconds for Retry-After. */
export async function tooMany(retryAfter: number) {
  const t = await getTranslations('errors')
  return rateLimited(t('RATE_LIMITED', { minutes: Math.max(1, Math.ceil(retryAfter / 60)) }), retryAfter)
}

/** A failure with a message from the `errors` namespace by its code. */
export async function failWith(code: 'FORBIDDEN' | 'NOT_FOUND' | 'INTERNAL') {
  const t = await getTranslations('errors')
  return fail(code, t(code))
}
