import 'server-only'
import { eq } from 'drizzle-orm'
import type { Tx } from '../db'
import { attempt } from '../db-errors'
import { toolStatuses } from '../db/schema'
import { fail, ok, parseInput, type Result } from '../result'
import { currentOrg } from '../tenant-sql'
import type { ToolStatus } from './queries'
import { toolStatusInput, toolStatusUpdate, type ToolStatusInput, type ToolStatusUpdate } from './schemas'

const constraints = { tool_statuses_org_label_key: 'STATUS_LABEL_TAKEN' }

/** Adds a company status such as 校正済み or レンタル中 (owners and admins). */
export async function createToolStatus(tx: Tx, input: ToolStatusInput): Promise<Result<ToolStatus>> {
  const parsed = parseInput(toolStatusInput, input)
  if (!parsed.ok) return parsed
  const result = await attempt(tx, (sp) => sp.insert(toolStatuses).values({ organizationId: currentOrg(), ...parsed.data }).returning(), constraints)
  return result.ok ? ok(result.data[0]!) : result
}

/** Edits or (de)activates a company status; tools keep it until someone picks another. */
export async function updateToolStatus(tx: Tx, input: ToolStatusUpdate): Promise<Result<ToolStatus>> {
  const parsed = parseInput(toolStatusUpdate, input)
  if (!parsed.ok) return parsed
  const { id, ...patch } = parsed.data
  const result = await attempt(tx, (sp) => sp.update(toolStatuses).set(patch).where(eq(toolStatuses.id, id)).returning(), constraints)
  if (!result.ok) return result
  if (result.data[0]) return ok(result.data[0])
  const [visible] = await tx.select({ id: toolStatuses.id }).from(toolStatuses).where(eq(toolStatuses.id, id))
  return fail(visible ? 'FORBIDDEN' : 'NOT_FOUND')
}
