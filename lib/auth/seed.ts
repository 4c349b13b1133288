import { userCredentials } from '../db/schema'
import type { CompanySeeder } from '../db/seed'
import { hashPassword } from './password'
import { createSession, revokeSession } from './sessions'
import { sessions } from '../db/schema'
import { and, eq } from 'drizzle-orm'

/** Every demo login uses this password (printed by npm run db:seed). */
export const DEMO_PASSWORD = 'genba-demo-2026'

let demoHash: Promise<string> | undefined

export const seedCredentials: CompanySeeder = async (tx, company) => {
  demoHash ??= hashPassword(DEMO_PASSWORD)
  const passwordHash = await demoHash
  for (const member of company.members) {
    await tx.insert(userCredentials).values({ userId: member.userId, passwordHash }).onConflictDoNothing()
  }
  // A signed-out session from an earlier visit, as any company in use has.
  const owner = company.members.find((m) => m.role === 'owner') ?? company.members[0]!
  await createSession(tx, { organizationId: company.id, userId: owner.userId, userAgent: 'Mozilla/5.0 (demo seed)' })
  const [past] = await tx.select({ id: sessions.id }).from(sessions).where(and(eq(sessions.organizationId, company.id), eq(sessions.userId, owner.userId)))
  await revokeSession(tx, company.id, past!.id)
}
