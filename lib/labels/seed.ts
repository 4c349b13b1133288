import { and, desc, eq, isNull } from 'drizzle-orm'
import { blankLabels, labelSettings, tools } from '../db/schema'
import type { CompanySeeder } from '../db/seed'

const DAY = 24 * 60 * 60 * 1000

/**
 * Each demo company's label printer calibration, and a batch of blank labels printed a month ago of which one
 * already went onto a tool registered with it (that tool's id is the label's UUID).
 */
export const seedLabels: CompanySeeder = async (tx, company, spec) => {
  if (spec.kind !== 'tenant') return
  const leader = company.members.find((m) => m.role === 'leader') ?? company.members[0]!
  const electrical = company.subdomain === 'sakura-denki'
  await tx.insert(labelSettings).values({ organizationId: company.id, offsetXMm: electrical ? -0.5 : 0.5, offsetYMm: electrical ? 1 : 0, layout: electrical ? 'a4-44' : 'a4-24' })
  const [used] = await tx
    .select({ id: tools.id })
    .from(tools)
    .where(and(eq(tools.organizationId, company.id), isNull(tools.deletedAt), eq(tools.managementType, 'individual')))
    .orderBy(desc(tools.toolCode))
    .limit(1)
  const batchId = crypto.randomUUID()
  const ids = [...(used ? [used.id] : []), ...Array.from({ length: 11 }, () => crypto.randomUUID())]
  const issuedAt = new Date(Date.now() - 30 * DAY)
  await tx.insert(blankLabels).values(ids.map((id) => ({ organizationId: company.id, id, batchId, layout: 'a4-24', issuedBy: leader.userId, issuedAt })))
}
