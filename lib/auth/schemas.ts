import { z } from 'zod'
import { PASSWORD_MAX } from './password'

export const emailSchema = z.string().trim().toLowerCase().min(1).max(254).pipe(z.email())

export const signInInput = z.object({
  email: emailSchema,
  // Sign-in accepts any length the form allows; the policy applies when a password is set.
  password: z.string().min(1).max(PASSWORD_MAX),
  next: z.string().optional(),
})

/** A path on this host to return to after sign-in; anything else (other hosts, //evil) becomes '/'. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/'
  return next
}
