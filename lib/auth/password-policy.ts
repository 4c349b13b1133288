import { dictionary } from '@zxcvbn-ts/language-common'
import { z } from 'zod'
import { PASSWORD_MAX, PASSWORD_MIN } from './password'

let common: Set<string> | undefined

/** zxcvbn-ts's list of ~49,000 passwords seen in breaches (the ones long enough to pass the length rule). */
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common']!.filter((p) => p.length >= PASSWORD_MIN).map((p) => p.toLowerCase()))
  return common
}

export type PasswordProblem = 'passwordTooShort' | 'passwordTooLong' | 'passwordCommon'

/** NIST 800-63B: 8 to 128 characters, not a known common password, no composition rules. */
export function passwordProblem(password: string): PasswordProblem | null {
  const length = [...password].length
  if (length < PASSWORD_MIN) return 'passwordTooShort'
  if (length > PASSWORD_MAX) return 'passwordTooLong'
  if (commonPasswords().has(password.toLowerCase())) return 'passwordCommon'
  return null
}

/** A new password as forms submit it: the problem's name is the `validation` message key. */
export const newPasswordSchema = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value)
  if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { min: PASSWORD_MIN, max: PASSWORD_MAX } })
})
