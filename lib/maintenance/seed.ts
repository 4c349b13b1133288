import { and, asc, eq, isNull } from 'drizzle-orm'
import { inspectionRecords, inspectionSchedules, managementSettings, repairRecords, toolCategories, tools } from '../db/schema'
import type { CompanySeeder } from '../db/seed'
import { addDays, addMonths } from '../alerts/dates'
import { todayIso } from '../validation'
import { defaultInspectionColors, inspectionColor } from './settings'

const vendors = ['マキタ 東京サービスセンター', 'HiKOKI 修理センター', '共立電気計器 校正サービス', '地元の修理店 （有）山本工機']
const problems = ['スイッチが入らない', 'チャックが緩んで刃が固定できない', 'コードの被覆が破れて芯線が見える', '異音がして回転が不安定', 'バッテリーが充電できない']

/**
 * The demo's maintenance: settings, the monthly inspection of power tools with this month's colour (a few tools
 * missed it: overdue), a yearly or six-monthly inspection, and repairs for the tools the register marks as broken
 * or in repair, plus finished repairs with costs for the cost analysis.
 */
export const seedMaintenance: CompanySeeder = async (tx, company, spec) => {
  if (spec.kind !== 'tenant') return
  const org = company.id
  const electrical = company.subdomain === 'sakura-denki'
  const member = (role: string) => company.members.find((m) => m.role === role)?.userId ?? company.members[0]!.userId
  const today = todayIso()
  const thisMonth = `${today.slice(0, 7)}-01`
  const settings = { inspectionColors: defaultInspectionColors, colorAnchorMonth: '2026-01-01' }

  await tx.insert(managementSettings).values({
    organizationId: org,
    inspectionColors: defaultInspectionColors,
    longUnreturnedDays: electrical ? 10 : 7,
    dueSoonDays: 14,
    fiscalYearEndMonth: 3,
  })

  const categories = await tx.select().from(toolCategories).where(eq(toolCategories.organizationId, org))
  const prefix = (p: string) => categories.find((c) => c.codePrefix === p)!.id
  const register = await tx
    .select({ id: tools.id, code: tools.toolCode, name: tools.name, categoryId: tools.categoryId, status: tools.status, type: tools.managementType, price: tools.purchasePrice })
    .from(tools)
    .where(and(eq(tools.organizationId, org), isNull(tools.deletedAt)))
    .orderBy(asc(tools.toolCode))
  const individual = register.filter((t) => t.type === 'individual' && t.status !== 'disposed')

  const [monthly] = await tx
    .insert(inspectionSchedules)
    .values({
      organizationId: org,
      name: '月例点検（電動工具）',
      kind: 'inspection',
      categoryId: prefix('A'),
      intervalMonths: 1,
      startsOn: addMonths(thisMonth, -12),
      usesColor: true,
      notes: '毎月初めに点検し、その月の色のテープを貼る。',
    })
    .returning()
  const second = electrical
    ? { name: '絶縁用保護具 定期自主検査', categoryId: prefix('D'), intervalMonths: 6, toolId: null }
    : { name: 'エアコンプレッサ 年次点検', categoryId: null, intervalMonths: 12, toolId: register.find((t) => t.name === 'エアコンプレッサ')?.id ?? individual[0]!.id }
  const [other] = await tx
    .insert(inspectionSchedules)
    .values({ organizationId: org, kind: 'inspection', startsOn: addMonths(today, -24), ...second })
    .returning()

  const records: (typeof inspectionRecords.$inferInsert)[] = []
  const powerTools = individual.filter((t) => t.categoryId === prefix('A'))
  for (const [i, tool] of powerTools.entries()) {
    // Every fifth missed this month's inspection: overdue since the 1st.
    const month = i % 5 === 2 ? addMonths(thisMonth, -1) : thisMonth
    records.push({
      organizationId: org,
      toolId: tool.id,
      scheduleId: monthly!.id,
      performedOn: month,
      result: 'pass',
      inspectorId: member('leader'),
      color: inspectionColor(settings, month).name,
    })
  }
  const otherTools = other!.toolId ? individual.filter((t) => t.id === other!.toolId) : individual.filter((t) => t.categoryId === other!.categoryId)
  for (const [i, tool] of otherTools.entries()) {
    // Due within the week for the first, overdue for every third.
    const ago = i === 0 ? other!.intervalMonths : i % 3 === 1 ? other!.intervalMonths + 1 : 2
    records.push({
      organizationId: org,
      toolId: tool.id,
      scheduleId: other!.id,
      performedOn: addDays(addMonths(today, -ago), i === 0 ? 7 : 0),
      result: 'pass',
      inspectorId: member('admin'),
      note: i === 0 ? '圧力計・安全弁とも異常なし' : null,
    })
  }
  if (records.length) await tx.insert(inspectionRecords).values(records)

  const repairs: (typeof repairRecords.$inferInsert)[] = []
  for (const [i, tool] of individual.filter((t) => t.status === 'broken' || t.status === 'repair').entries()) {
    const reportedAt = new Date(Date.now() - (3 + i * 4) * 86_400_000)
    repairs.push({
      organizationId: org,
      toolId: tool.id,
      status: tool.status === 'broken' ? 'reported' : 'in_repair',
      reportedBy: member('staff'),
      reportedAt,
      problem: problems[i % problems.length]!,
      vendor: tool.status === 'repair' ? vendors[i % vendors.length]! : null,
      sentOn: tool.status === 'repair' ? addDays(today, -(1 + i)) : null,
    })
  }
  // Finished repairs over the past year, with what they cost.
  for (const [i, tool] of individual.filter((_, k) => k % 7 === 3).slice(0, 6).entries()) {
    const completed = addDays(today, -(20 + i * 45))
    repairs.push({
      organizationId: org,
      toolId: tool.id,
      status: 'done',
      reportedBy: member(i % 2 ? 'leader' : 'staff'),
      reportedAt: new Date(Date.parse(`${addDays(completed, -12)}T09:00:00+09:00`)),
      problem: problems[(i + 2) % problems.length]!,
      vendor: vendors[i % vendors.length]!,
      cost: 3_000 + ((i * 7_919) % 42_000),
      sentOn: addDays(completed, -10),
      completedOn: completed,
      resolution: i % 2 ? 'スイッチユニット交換' : 'カーボンブラシ・コード交換',
    })
  }
  if (repairs.length) await tx.insert(repairRecords).values(repairs)
}
