import { z } from 'zod'
import { newPasswordSchema } from '../auth/password-policy'
import { PASSWORD_MAX } from '../auth/password'
import { emailSchema } from '../auth/schemas'
import { locales } from '../i18n/locale'
import { subdomainProblem } from '../tenancy/subdomain'
import { checkbox } from '../validation'

const personName = z.string().trim().min(1).max(100)
const token = z.string().min(20).max(100)
const problemKey = { too_short: 'subdomainTooShort', too_long: 'subdomainTooLong', characters: 'subdomainCharacters', hyphen: 'subdomainHyphen', reserved: 'subdomainReserved' } as const

/** The part of a company's address before the domain: the same rule the database enforces. */
export const subdomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .superRefine((value, ctx) => {
    const problem = subdomainProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', message: problemKey[problem] })
  })

export const registerInput = z.object({
  companyName: z.string().trim().min(1).max(100),
  subdomain: subdomainSchema,
  randomSuffix: checkbox,
  ownerName: personName,
  email: emailSchema,
  password: newPasswordSchema,
})
export type RegisterInput = z.infer<typeof registerInput>

export const invitableRoles = ['admin', 'leader', 'staff', 'viewer'] as const
export const inviteInput = z.object({ email: emailSchema, role: z.enum(invitableRoles) })

export const joinInput = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('new'), token, name: personName, password: newPasswordSchema }),
  z.object({ mode: z.literal('existing'), token, password: z.string().min(1).max(PASSWORD_MAX) }),
])
export type JoinInput = z.infer<typeof joinInput>

export const forgotPasswordInput = z.object({ email: emailSchema })
export const resetPasswordInput = z.object({ token, password: newPasswordSchema })

/** A 6-digit code from the app, or a recovery code (xxxxx-xxxxx); spaces and case ignored. */
export const secondFactorInput = z.object({
  code: z
    .string()
    .transform((v) => v.replace(/\s+/g, '').toLowerCase())
    .pipe(z.string().regex(/^(\d{6}|[a-z0-9]{5}-?[a-z0-9]{5})$/, { message: 'code' })),
})

export const profileInput = z.object({ name: personName, locale: z.enum(locales) })
export const passwordChangeInput = z.object({ currentPassword: z.string().min(1).max(PASSWORD_MAX), newPassword: newPasswordSchema })
export const disableTwoFactorInput = z.object({ password: z.string().min(1).max(PASSWORD_MAX) })

export const memberInput = z.object({ userId: z.uuid() })
export const invitationIdInput = z.object({ id: z.uuid() })
export const sessionIdInput = z.object({ sessionId: z.uuid() })
export const companyIdInput = z.object({ organizationId: z.uuid() })
export const roleChangeInput = z.object({ userId: z.uuid(), role: z.enum(invitableRoles) })
export const companySecurityInput = z.object({ requireTwoFactor: checkbox })
