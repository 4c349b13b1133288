import { defaultCategories } from '../categories/schemas'
import { locations, toolCategories } from '../db/schema'
import type { CompanyCreatedHook } from '../accounts/hooks'

/** A new company starts with the usual categories (電動工具 A … 消耗品 E) and its warehouse (privileged tx). */
export const createDefaultRegister: CompanyCreatedHook = async (tx, company) => {
  await tx.insert(toolCategories).values(defaultCategories.map((c, i) => ({ organizationId: company.id, ...c, displayOrder: i })))
  await tx.insert(locations).values({ organizationId: company.id, type: 'warehouse', name: '会社倉庫' })
}
