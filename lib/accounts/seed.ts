import { sql } from 'drizzle-orm'
import { issueAuthToken } from '../auth/auth-tokens'
import { newToken, tokenHash } from '../auth/tokens'
import { authTokens, invitations, passwordResets } from '../db/schema'
import type { CompanySeeder } from '../db/seed'

/** What a company in use has lying around: an open and an accepted invitation, a used reset link, a used handoff. */
export const seedAccounts: CompanySeeder = async (tx, company) => {
  const owner = company.members.find((m) => m.role === 'owner') ?? company.members[0]!
  const staff = company.members.find((m) => m.role === 'staff') ?? owner
  const week = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000)
  await tx.insert(invitations).values([
    { organizationId: company.id, email: `new-hire@${company.subdomain}.genba.test`, role: 'staff', tokenHash: tokenHash(newToken()), invitedBy: owner.userId, expiresAt: week },
    {
      organizationId: company.id,
      email: staff.email,
      role: 'staff',
      tokenHash: tokenHash(newToken()),
      invitedBy: owner.userId,
      expiresAt: week,
      acceptedAt: new Date(),
      acceptedBy: staff.userId,
    },
  ])
  await tx.insert(passwordResets).values({
    organizationId: company.id,
    userId: staff.userId,
    tokenHash: tokenHash(newToken()),
    expiresAt: new Date(Date.now() - 60 * 60 * 1000),
    usedAt: sql`now() - interval '90 minutes'`,
  })
  await issueAuthToken(tx, { organizationId: company.id, userId: owner.userId, purpose: 'handoff' })
  await tx.update(authTokens).set({ usedAt: sql`now()` }).where(sql`${authTokens.organizationId} = ${company.id}`)
}
