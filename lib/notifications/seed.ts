import { and, eq, ne } from 'drizzle-orm'
import { notificationPreferences, notifications, organizationFeatures, repairRecords, tools } from '../db/schema'
import type { CompanySeeder } from '../db/seed'

/**
 * The bell of a company in use: managers told of the breakages reported, a staff member's finished repair
 * (read); a few members' own choices; and one plan-feature row each (premium demo: cost analysis on record;
 * basic sakura-denki: a charts trial granted by the operator).
 */
export const seedNotifications: CompanySeeder = async (tx, company, spec) => {
  if (spec.kind !== 'tenant') return
  const org = company.id
  const member = (role: string) => company.members.find((m) => m.role === role)?.userId ?? company.members[0]!.userId
  const open = await tx
    .select({ id: repairRecords.id, toolId: repairRecords.toolId, code: tools.toolCode, name: tools.name, at: repairRecords.reportedAt })
    .from(repairRecords)
    .innerJoin(tools, and(eq(tools.organizationId, repairRecords.organizationId), eq(tools.id, repairRecords.toolId)))
    .where(and(eq(repairRecords.organizationId, org), ne(repairRecords.status, 'done')))
  const reporter = company.members.find((m) => m.role === 'staff')?.name ?? ''
  const rows: (typeof notifications.$inferInsert)[] = []
  for (const r of open) {
    for (const role of ['owner', 'admin']) {
      rows.push({
        organizationId: org,
        userId: member(role),
        topic: 'repairs',
        kind: 'breakageReported',
        params: { toolCode: r.code, toolName: r.name, reporter },
        link: `/maintenance/repairs/${r.id}`,
        createdAt: r.at,
      })
    }
  }
  rows.push({
    organizationId: org,
    userId: member('staff'),
    topic: 'repairs',
    kind: 'repairDone',
    params: { toolCode: open[0]?.code ?? '', toolName: open[0]?.name ?? '' },
    link: '/maintenance',
    readAt: new Date(),
  })
  await tx.insert(notifications).values(rows)
  await tx.insert(notificationPreferences).values([
    { organizationId: org, userId: member('admin'), topic: 'due', inApp: true, email: true },
    { organizationId: org, userId: member('staff'), topic: 'long_unreturned', inApp: true, email: true },
    { organizationId: org, userId: member('viewer'), topic: 'repairs', inApp: false, email: false },
  ])
  await tx
    .insert(organizationFeatures)
    .values(
      company.subdomain === 'sakura-denki'
        ? { organizationId: org, featureKey: 'charts', isEnabled: true, config: { trial: true, note: 'グラフ機能の無料トライアル' } }
        : { organizationId: org, featureKey: 'cost_analysis', isEnabled: true },
    )
}
