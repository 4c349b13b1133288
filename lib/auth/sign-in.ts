import { sql } from 'drizzle-orm'
import { rows } from '../db/sql'
import type { Tx } from '../db/types'
import { verifyPassword } from './password'
import type { Role } from './roles'

export type PasswordCheck = { ok: true; userId: string; role: Role; totpEnabled: boolean } | { ok: false }

/**
 * Email and password against this company's members (privileged tx). Unknown email, a non-member, an
 * inactive member and a wrong password all look the same from outside, take the same time, and are audited.
 */
export async function checkPassword(tx: Tx, input: { organizationId: string; email: string; password: string }): Promise<PasswordCheck> {
  const [found] = await rows<{ id: string; role: Role; password_hash: string | null; totp: boolean }>(
    tx,
    sql`select u.id, m.role, c.password_hash, c.totp_enabled_at is not null as totp
        from users u
        join memberships m on m.user_id = u.id and m.organization_id = ${input.organizationId} and m.is_active
        left join user_credentials c on c.user_id = u.id
        where lower(u.email) = lower(${input.email}) and u.deleted_at is null`,
  )
  const valid = await verifyPassword(found?.password_hash, input.password)
  if (!found || !valid) {
    await tx.execute(
      sql`select app.write_audit(${input.organizationId}::uuid, ${found?.id ?? null}::uuid, 'auth.sign_in_failed', 'users', ${found?.id ?? null}, null, ${JSON.stringify({ email: input.email })}::jsonb, null)`,
    )
    return { ok: false }
  }
  return { ok: true, userId: found.id, role: found.role, totpEnabled: found.totp }
}

/** Records a completed sign-in (privileged tx). */
export async function auditSignIn(tx: Tx, organizationId: string, userId: string, method: 'password' | 'totp' | 'recovery_code') {
  await tx.execute(
    sql`select app.write_audit(${organizationId}::uuid, ${userId}::uuid, 'auth.sign_in', 'users', ${userId}, null, ${JSON.stringify({ method })}::jsonb, null)`,
  )
}

export async function auditSignOut(tx: Tx, organizationId: string, userId: string) {
  await tx.execute(sql`select app.write_audit(${organizationId}::uuid, ${userId}::uuid, 'auth.sign_out', 'users', ${userId}, null, null, null)`)
}
