import 'server-only'
import { headers } from 'next/headers'
import { getTranslations } from 'next-intl/server'
import { withTenant } from '../db'
import { companyFeatures, type FeatureKey } from '../features'
import { apiError } from '../http/errors'
import type { Translate } from '../i18n/error-message'
import { twoFactorState } from '../profile/commands'
import { fail, type Failure } from '../result'
import { currentMember, requireMember as requirePageMember, type Member } from './member'
import { atLeast, type Role } from './roles'

/**
 * What an entry point asks of its caller: the one authorisation path per caller kind (page, server action,
 * route handler). Every rule that applies to a member lives behind these three functions: role, the
 * company's two-step requirement, whether the company may write (read-only mode), the plan's features.
 */
export interface Access {
  /** The lowest role allowed (default: any member, viewers included). */
  atLeast?: Role
  /** The call changes data: refused while the company is read-only. */
  write?: boolean
  /** A plan feature the call needs. */
  feature?: FeatureKey
}

/** Why a member may not do what they asked, as an error code (translated in `errors`). */
async function refusal(member: Member, access: Access): Promise<string | null> {
  if (access.atLeast && !atLeast(member.role, access.atLeast)) return 'FORBIDDEN'
  if (!atLeast(member.role, 'admin') && !access.feature) return null
  return withTenant(member.ctx, async (tx) => {
    if (atLeast(member.role, 'admin')) {
      const state = await twoFactorState(tx)
      if (state.required && !state.enabled) return 'TWO_FACTOR_REQUIRED'
    }
    if (access.feature && !(await companyFeatures(tx))[access.feature]) return 'FEATURE_LOCKED'
    return null
  })
}

/** For pages (server components): the member, or sign-in / 2FA set-up / 403 (see lib/auth/member.ts). */
export async function requireMember(access: Access = {}): Promise<Member> {
  return requirePageMember(access)
}

/** For server actions: the member, or the failure to return as it is. */
export async function actionMember(access: Access = {}): Promise<{ ok: true; member: Member } | Failure> {
  const member = await currentMember()
  if (!member) return fail('UNAUTHORIZED')
  const code = await refusal(member, access)
  return code ? fail(code) : { ok: true, member }
}

/** For route handlers: the member, or the JSON error response (`{ code, message }`) to send instead. */
export async function routeMember(_request: Request, access: Access = {}): Promise<{ member: Member } | { response: Response }> {
  const member = await currentMember()
  const t = (await getTranslations('errors')) as unknown as Translate
  if (!member) return { response: apiError(401, 'UNAUTHORIZED', t('UNAUTHORIZED')) }
  const code = await refusal(member, access)
  if (code) return { response: apiError(403, code, t.has(code) ? t(code) : t('FORBIDDEN')) }
  return { member }
}

/** The path the browser asked for (set by proxy.ts), for sending someone to sign in and back. */
export async function requestedPath(): Promise<string> {
  return (await headers()).get('x-genba-path') ?? '/'
}
