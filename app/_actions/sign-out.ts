'use server'

import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'
import { sessionCookie } from '@/lib/auth/config'
import { currentMember } from '@/lib/auth/member'
import { revokeSession } from '@/lib/auth/sessions'
import { auditSignOut } from '@/lib/auth/sign-in'
import { withSystem } from '@/lib/db'

export async function signOut() {
  const member = await currentMember()
  if (member) {
    await withSystem(
      'sign-out',
      async (tx) => {
        await revokeSession(tx, member.tenant.id, member.session.sessionId)
        await auditSignOut(tx, member.tenant.id, member.session.userId)
      },
      { organizationId: member.tenant.id, actorId: member.session.userId, request: member.ctx.request },
    )
  }
  ;(await cookies()).delete(sessionCookie().name)
  redirect('/login')
}
