'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { currentMember, type Member } from '@/lib/auth/member'
import { atLeast } from '@/lib/auth/roles'
import { createCategory, reorderCategories, updateCategory } from '@/lib/categories/commands'
import { listCategories } from '@/lib/categories/queries'
import { categoryInput, categoryUpdate } from '@/lib/categories/schemas'
import { applyIndustryTemplate, applyTemplateInput, createFieldDefinition, updateFieldDefinition } from '@/lib/custom-fields/commands'
import { fieldDefinitionInput, fieldDefinitionUpdate } from '@/lib/custom-fields/schemas'
import { withTenant } from '@/lib/db'
import { fail, ok, parseInput, type Result } from '@/lib/result'
import { createToolStatus, updateToolStatus } from '@/lib/tool-statuses/commands'
import { toolStatusInput, toolStatusUpdate } from '@/lib/tool-statuses/schemas'
import { registerSettingsInput, updateRegisterSettings } from '@/lib/tools/settings'
import { uuid } from '@/lib/validation'

/** The register's settings are for owners and admins. */
async function manager(): Promise<Member | null> {
  const m = await currentMember()
  return m && atLeast(m.role, 'admin') ? m : null
}

const refresh = () => revalidatePath('/t/[tenant]', 'layout')
const done = <T>(result: Result<T>): Result<null> => {
  if (!result.ok) return result
  refresh()
  return ok(null)
}

export async function createCategoryAction(input: unknown): Promise<Result<null>> {
  const m = await manager()
  if (!m) return fail('FORBIDDEN')
  const parsed = parseInput(categoryInput, input)
  if (!parsed.ok) return parsed
  return done(await withTenant(m.ctx, (tx) => createCategory(tx, parsed.data)))
}

export async function updateCategoryAction(input: unknown): Promise<Result<null>> {
  const m = await manager()
  if (!m) return fail('FORBIDDEN')
  const parsed = parseInput(categoryUpdate, input)
  if (!parsed.ok) return parsed
  return done(await withTenant(m.ctx, (tx) => updateCategory(tx, parsed.data)))
}

const moveInput = z.object({ id: uuid, direction: z.enum(['up', 'down']) })

/** One place up or down in the order everyone sees. */
export async function moveCategoryAction(formData: FormData): Promise<Result<null>> {
  const m = await manager()
  if (!m) return fail('FORBIDDEN')
  const parsed = parseInput(moveInput, { id: formData.get('id'), direction: formData.get('direction') })
  if (!parsed.ok) return parsed
  const { id, direction } = parsed.data
  return done(
    await withTenant(m.ctx, async (tx) => {
      const ids = (await listCategories(tx, { includeInactive: true })).map((c) => c.id)
      const i = ids.indexOf(id)
      const j = direction === 'up' ? i - 1 : i + 1
      if (i < 0 || j < 0 || j >= ids.length) return ok({ count: 0 })
      ;[ids[i], ids[j]] = [ids[j]!, ids[i]!]
      return reorderCategories(tx, { ids })
    }),
  )
}

export async function createStatusAction(input: unknown): Promise<Result<null>> {
  const m = await manager()
  if (!m) return fail('FORBIDDEN')
  const parsed = parseInput(toolStatusInput, input)
  if (!parsed.ok) return parsed
  return done(await withTenant(m.ctx, (tx) => createToolStatus(tx, parsed.data)))
}

export async function updateStatusAction(input: unknown): Promise<Result<null>> {
  const m = await manager()
  if (!m) return fail('FORBIDDEN')
  const parsed = parseInput(toolStatusUpdate, input)
  if (!parsed.ok) return parsed
  return done(await withTenant(m.ctx, (tx) => updateToolStatus(tx, parsed.data)))
}

export async function createFieldAction(input: unknown): Promise<Result<null>> {
  const m = await manager()
  if (!m) return fail('FORBIDDEN')
  const parsed = parseInput(fieldDefinitionInput, input)
  if (!parsed.ok) return parsed
  return done(await withTenant(m.ctx, (tx) => createFieldDefinition(tx, parsed.data)))
}

export async function updateFieldAction(input: unknown): Promise<Result<null>> {
  const m = await manager()
  if (!m) return fail('FORBIDDEN')
  const parsed = parseInput(fieldDefinitionUpdate, input)
  if (!parsed.ok) return parsed
  return done(await withTenant(m.ctx, (tx) => updateFieldDefinition(tx, parsed.data)))
}

export async function applyTemplateAction(formData: FormData): Promise<Result<{ created: string[]; skipped: string[] }>> {
  const m = await manager()
  if (!m) return fail('FORBIDDEN')
  const parsed = parseInput(applyTemplateInput, { template: formData.get('template'), categoryId: formData.get('categoryId') })
  if (!parsed.ok) return parsed
  const result = await withTenant(m.ctx, (tx) => applyIndustryTemplate(tx, parsed.data))
  if (result.ok) refresh()
  return result
}

export async function updateRegisterSettingsAction(input: unknown): Promise<Result<null>> {
  const m = await manager()
  if (!m) return fail('FORBIDDEN')
  const parsed = parseInput(registerSettingsInput, input)
  if (!parsed.ok) return parsed
  return done(await withTenant(m.ctx, (tx) => updateRegisterSettings(tx, parsed.data)))
}
