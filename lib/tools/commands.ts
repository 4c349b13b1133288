import 'server-only'
import { and, eq, isNotNull, lt, sql } from 'drizzle-orm'
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core'
import type { Tx } from '../db'
import { listFieldDefinitions } from '../custom-fields/queries'
import { applicableDefinitions, validateCustomValues } from '../custom-fields/validation'
import { attempt } from '../db-errors'
import { registerSettings, toolAttachments, toolCategories, tools } from '../db/schema'
import { fail, ok, parseInput, type Result } from '../result'
import { currentOrg, currentUser } from '../tenant-sql'
import { todayIso } from '../validation'
import { disposeInput, setStatusInput, toolInput, toolUpdate, type DisposeInput, type ToolInput, type ToolUpdate } from './schemas'

export type Tool = typeof tools.$inferSelect

export const toolConstraints = {
  /** A blank label's UUID that already names a tool of this company (also one in the trash). */
  tools_pkey: 'TOOL_ID_TAKEN',
  tools_org_code_key: 'TOOL_CODE_TAKEN',
  tools_category_fk: 'CATEGORY_NOT_FOUND',
  tools_location_fk: 'LOCATION_NOT_FOUND',
  tools_holder_fk: 'HOLDER_NOT_FOUND',
  tools_status_fk: 'STATUS_NOT_FOUND',
  tools_quantity_not_negative: 'QUANTITY_NEGATIVE',
}

async function category(tx: Tx, id: string) {
  const [row] = await tx.select().from(toolCategories).where(eq(toolCategories.id, id))
  return row
}

/** Quantity columns only mean something for quantity-managed tools. */
function quantityColumns(type: 'individual' | 'quantity', v: { currentQuantity?: number | null; minStockAlert?: number | null; unit?: string | null }) {
  return type === 'individual' ? { currentQuantity: null, minStockAlert: null, unit: null } : v
}

/**
 * Registers a tool (owners, admins, leaders). A blank toolCode gets the category's next code from the database
 * (under the category row's lock); custom fields are validated from the company's definitions; the plan's
 * tool limit is enforced by the database (PLAN_LIMIT_TOOLS).
 */
export async function createTool(tx: Tx, input: ToolInput): Promise<Result<Tool>> {
  const parsed = parseInput(toolInput, input)
  if (!parsed.ok) return parsed
  const d = parsed.data
  const cat = await category(tx, d.categoryId)
  if (!cat) return fail('VALIDATION', { fields: { categoryId: 'CATEGORY_NOT_FOUND' } })
  if (!cat.isActive) return fail('VALIDATION', { fields: { categoryId: 'CATEGORY_INACTIVE' } })
  const values = validateCustomValues(await listFieldDefinitions(tx, { entityType: 'tool' }), d.customFields, { categoryId: d.categoryId })
  if (!values.ok) return values
  const result = await attempt(
    tx,
    (sp) =>
      sp
        .insert(tools)
        .values({
          ...d,
          organizationId: currentOrg(),
          toolCode: d.toolCode ?? '',
          usefulLifeYears: d.usefulLifeYears ?? cat.usefulLifeYears,
          customFields: values.data,
          ...quantityColumns(d.managementType, d),
        })
        .returning(),
    toolConstraints,
  )
  return result.ok ? ok(result.data[0]!) : result
}

async function live(tx: Tx, id: string): Promise<Result<Tool>> {
  const [row] = await tx.select().from(tools).where(eq(tools.id, id))
  if (!row) return fail('NOT_FOUND')
  if (row.deletedAt) return fail('TOOL_IN_TRASH')
  return ok(row)
}

async function write(tx: Tx, id: string, patch: PgUpdateSetSource<typeof tools>): Promise<Result<Tool>> {
  const result = await attempt(tx, (sp) => sp.update(tools).set(patch).where(eq(tools.id, id)).returning(), toolConstraints)
  if (!result.ok) return result
  return result.data[0] ? ok(result.data[0]) : fail('FORBIDDEN')
}

/** Edits a tool: any field of the form, including its code (validated, unique per company). */
export async function updateTool(tx: Tx, input: ToolUpdate): Promise<Result<Tool>> {
  const parsed = parseInput(toolUpdate, input)
  if (!parsed.ok) return parsed
  const { id, customFields, ...patch } = parsed.data
  const found = await live(tx, id)
  if (!found.ok) return found
  const row = found.data
  const categoryId = patch.categoryId ?? row.categoryId
  if (patch.categoryId && patch.categoryId !== row.categoryId) {
    const cat = await category(tx, patch.categoryId)
    if (!cat) return fail('VALIDATION', { fields: { categoryId: 'CATEGORY_NOT_FOUND' } })
    if (!cat.isActive) return fail('VALIDATION', { fields: { categoryId: 'CATEGORY_INACTIVE' } })
  }
  const changes: PgUpdateSetSource<typeof tools> = { ...patch }
  if (customFields !== undefined || categoryId !== row.categoryId) {
    const defs = await listFieldDefinitions(tx, { entityType: 'tool' })
    const submitted =
      customFields ??
      Object.fromEntries(applicableDefinitions(defs, categoryId).flatMap((d) => (d.fieldKey in row.customFields ? [[d.fieldKey, row.customFields[d.fieldKey]]] : [])))
    const values = validateCustomValues(defs, submitted, { categoryId, existing: row.customFields })
    if (!values.ok) return values
    changes.customFields = values.data
  }
  const type = patch.managementType ?? row.managementType
  const quantity = patch.currentQuantity !== undefined ? patch.currentQuantity : row.currentQuantity
  if (type === 'quantity' && (quantity === null || quantity === undefined)) return fail('VALIDATION', { fields: { currentQuantity: 'REQUIRED' } })
  Object.assign(
    changes,
    quantityColumns(type, {
      currentQuantity: quantity,
      minStockAlert: patch.minStockAlert !== undefined ? patch.minStockAlert : row.minStockAlert,
      unit: patch.unit !== undefined ? patch.unit : row.unit,
    }),
  )
  if (patch.toolCode === undefined) delete changes.toolCode
  if (patch.status && patch.statusId === undefined) changes.statusId = null
  return write(tx, id, changes)
}

/** Sets a built-in status (normal, repair, broken) or a company one; undoes a disposal. Staff may do this too. */
export async function setToolStatus(tx: Tx, input: { id: string; status?: 'normal' | 'repair' | 'broken'; statusId?: string | null }): Promise<Result<Tool>> {
  const parsed = parseInput(setStatusInput, input)
  if (!parsed.ok) return parsed
  const { id, status, statusId } = parsed.data
  if (!status && !statusId) return fail('VALIDATION', { fields: { status: 'REQUIRED' } })
  const found = await live(tx, id)
  if (!found.ok) return found
  return write(tx, id, { status: status ?? 'normal', statusId: statusId ?? null, disposedOn: null, disposalReason: null })
}

/** Records a disposal (廃棄) with its date (today unless given) and reason; the tool stays in the register. */
export async function disposeTool(tx: Tx, input: DisposeInput): Promise<Result<Tool>> {
  const parsed = parseInput(disposeInput, input)
  if (!parsed.ok) return parsed
  const found = await live(tx, parsed.data.id)
  if (!found.ok) return found
  return write(tx, parsed.data.id, {
    status: 'disposed',
    statusId: null,
    disposedOn: parsed.data.disposedOn ?? todayIso(),
    disposalReason: parsed.data.reason,
  })
}

/** Moves a tool to the trash (soft delete). Its code stays reserved until it is purged. */
export async function deleteTool(tx: Tx, input: { id: string }): Promise<Result<Tool>> {
  const found = await live(tx, input.id)
  if (!found.ok) return found
  return write(tx, input.id, { deletedAt: new Date(), deletedBy: currentUser() })
}

/** Takes a tool out of the trash (owners and admins; the plan's tool limit applies again). */
export async function restoreTool(tx: Tx, input: { id: string }): Promise<Result<Tool>> {
  const [row] = await tx.select().from(tools).where(eq(tools.id, input.id))
  if (!row) return fail('NOT_FOUND')
  if (!row.deletedAt) return fail('TOOL_NOT_IN_TRASH')
  return write(tx, input.id, { deletedAt: null, deletedBy: null })
}

/**
 * Removes tools whose time in the trash has passed the company's retention (register_settings, default 36
 * months; seed 004 §4.3). Runs for the current company under withTenant (owners, admins) or for every company
 * under withSystem (the scheduled job). Returns the storage keys of their files for the caller to delete.
 */
export async function purgeExpiredTools(tx: Tx, params: { now?: Date } = {}): Promise<{ count: number; storageKeys: string[] }> {
  const now = params.now ?? new Date()
  // "tools"."organization_id" by hand: drizzle leaves it unqualified in a one-table delete, and the subquery would capture it.
  const retention = sql`make_interval(months => coalesce((select s.trash_retention_months from ${registerSettings} s
    where s.organization_id = "tools"."organization_id"), 36))`
  const expired = and(isNotNull(tools.deletedAt), lt(tools.deletedAt, sql`${now.toISOString()}::timestamptz - ${retention}`))
  const files = await tx
    .select({ key: toolAttachments.storageKey, thumb: toolAttachments.thumbnailKey })
    .from(toolAttachments)
    .innerJoin(tools, and(eq(tools.organizationId, toolAttachments.organizationId), eq(tools.id, toolAttachments.toolId)))
    .where(expired)
  const gone = await tx.delete(tools).where(expired).returning({ id: tools.id })
  return { count: gone.length, storageKeys: files.flatMap((f) => (f.thumb ? [f.key, f.thumb] : [f.key])) }
}

