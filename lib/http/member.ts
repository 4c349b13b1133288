import 'server-only'
import { getTranslations } from 'next-intl/server'
import { currentMember, type Member } from '../auth/member'
import { atLeast, type Role } from '../auth/roles'
import { apiError } from './errors'

/** For route handlers: the signed-in member, or the 401/403 response to send instead. */
export async function memberOrError(minimum: Role = 'viewer'): Promise<{ member: Member } | { response: Response }> {
  const member = await currentMember()
  const t = await getTranslations('errors')
  if (!member) return { response: apiError(401, 'UNAUTHORIZED', t('UNAUTHORIZED')) }
  if (!atLeast(member.role, minimum)) return { response: apiError(403, 'FORBIDDEN', t('FORBIDDEN')) }
  return { member }
}
