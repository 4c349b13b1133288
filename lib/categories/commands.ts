import 'server-only'
import { eq } from 'drizzle-orm'
import type { Tx } from '../db'
import { attempt } from '../db-errors'
import { toolCategories } from '../db/schema'
import { fail, ok, parseInput, type Result } from '../result'
import { currentOrg } from '../tenant-sql'
import { categoryInput, categoryUpdate, type CategoryInput, type CategoryUpdate } from './schemas'
import type { Category } from './queries'

const constraints = {
  tool_categories_org_prefix_key: 'CODE_PREFIX_TAKEN',
  tool_categories_org_name_key: 'CATEGORY_NAME_TAKEN',
}

/** Adds a category (owners and admins); the plan's category limit is enforced by the database. */
export async function createCategory(tx: Tx, input: CategoryInput): Promise<Result<Category>> {
  const parsed = parseInput(categoryInput, input)
  if (!parsed.ok) return parsed
  const result = await attempt(tx, (sp) => sp.insert(toolCategories).values({ organizationId: currentOrg(), ...parsed.data }).returning(), constraints)
  return result.ok ? ok(result.data[0]!) : result
}

/** Renames, re-prefixes (existing codes stay), reorders or (de)activates a category; its tools stay either way. */
export async function updateCategory(tx: Tx, input: CategoryUpdate): Promise<Result<Category>> {
  const parsed = parseInput(categoryUpdate, input)
  if (!parsed.ok) return parsed
  const { id, ...patch } = parsed.data
  const result = await attempt(tx, (sp) => sp.update(toolCategories).set(patch).where(eq(toolCategories.id, id)).returning(), constraints)
  if (!result.ok) return result
  if (result.data[0]) return ok(result.data[0])
  const [visible] = await tx.select({ id: toolCategories.id }).from(toolCategories).where(eq(toolCategories.id, id))
  return fail(visible ? 'FORBIDDEN' : 'NOT_FOUND')
}

/** Sets display_order from the given order of ids. */
export async function reorderCategories(tx: Tx, input: { ids: string[] }): Promise<Result<{ count: number }>> {
  let count = 0
  for (const [i, id] of input.ids.entries()) {
    const r = await updateCategory(tx, { id, displayOrder: i })
    if (!r.ok) return r
    count++
  }
  return ok({ count })
}
