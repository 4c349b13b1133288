import { randomInt } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { issueAuthToken } from '../auth/auth-tokens'
import { hashPassword, verifyPassword } from '../auth/password'
import { memberships, organizations, userCredentials, users } from '../db/schema'
import { rows } from '../db/sql'
import type { Tx } from '../db/types'
import { companyCreatedHooks } from './hooks'
import type { RegisterInput } from './schemas'

/** What a new company's plan allows until it chooses another (seed 004: basic). */
export const STARTER_PLAN = { plan: 'basic', maxUsers: 20, maxTools: 500, maxCategories: 10 } as const

const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
/** The random tail that hides a company's name from guessers (seed 004 §4.5: a-kensetsu-x7k2). */
export const randomSuffix = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('')

export const withSuffix = (base: string, suffix: string) => `${base.slice(0, 63 - suffix.length - 1).replace(/-+$/, '')}-${suffix}`

/** Whether a subdomain already belongs to a company (anonymous tx; says nothing else). */
export async function subdomainTaken(tx: Tx, subdomain: string): Promise<boolean> {
  const [row] = await rows<{ taken: boolean }>(tx, sql`select app.subdomain_taken(${subdomain}) as taken`)
  return Boolean(row?.taken)
}

export type RegisterOutcome =
  | { ok: true; organizationId: string; subdomain: string; userId: string; handoff: string }
  | { ok: false; reason: 'subdomain_taken' | 'email_taken' }

/**
 * Creates a company with its owner (privileged tx): the organisation, the owner's login (or, for an email
 * that already has one, that login after its password is proven), the owner membership, whatever the
 * company-created hooks add, and a handoff token that signs the owner in on the new subdomain.
 */
export async function registerCompany(tx: Tx, input: RegisterInput): Promise<RegisterOutcome> {
  const [existing] = await rows<{ id: string; password_hash: string | null }>(
    tx,
    sql`select u.id, c.password_hash from users u left join user_credentials c on c.user_id = u.id
        where lower(u.email) = ${input.email} and u.deleted_at is null`,
  )
  if (existing && !(await verifyPassword(existing.password_hash, input.password))) return { ok: false, reason: 'email_taken' }

  let org: { id: string; subdomain: string } | undefined
  for (let attempt = 0; !org && attempt < (input.randomSuffix ? 5 : 1); attempt++) {
    const subdomain = input.randomSuffix ? withSuffix(input.subdomain, randomSuffix()) : input.subdomain
    ;[org] = await tx
      .insert(organizations)
      .values({ name: input.companyName, subdomain, ...STARTER_PLAN })
      .onConflictDoNothing({ target: organizations.subdomain })
      .returning({ id: organizations.id, subdomain: organizations.subdomain })
  }
  if (!org) return { ok: false, reason: 'subdomain_taken' }

  let userId = existing?.id
  if (!userId) {
    const [user] = await tx.insert(users).values({ email: input.email, name: input.ownerName }).returning({ id: users.id })
    userId = user!.id
    await tx.insert(userCredentials).values({ userId, passwordHash: await hashPassword(input.password) })
  }
  await tx.insert(memberships).values({ organizationId: org.id, userId, role: 'owner' })
  const company = { id: org.id, name: input.companyName, subdomain: org.subdomain }
  for (const hook of companyCreatedHooks) await hook(tx, company, { userId, name: input.ownerName, email: input.email })
  await tx.execute(
    sql`select app.write_audit(${org.id}::uuid, ${userId}::uuid, 'company.registered', 'organizations', ${org.id}, null, ${JSON.stringify({ name: input.companyName, subdomain: org.subdomain, existingLogin: Boolean(existing) })}::jsonb, null)`,
  )
  const handoff = await issueAuthToken(tx, { organizationId: org.id, userId, purpose: 'handoff' })
  return { ok: true, organizationId: org.id, subdomain: org.subdomain, userId, handoff }
}
