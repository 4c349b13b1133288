import 'server-only'
import { eq } from 'drizzle-orm'
import type { Tx } from '../db'
import { attempt } from '../db-errors'
import { customFieldDefinitions } from '../db/schema'
import { fail, ok, parseInput, type Result } from '../result'
import { z } from 'zod'
import { currentOrg } from '../tenant-sql'
import { uuid } from '../validation'
import { checkOptions, fieldDefinitionInput, fieldDefinitionUpdate, type FieldDefinitionInput, type FieldDefinitionUpdate } from './schemas'
import { industryTemplateNames, industryTemplates } from './templates'
import type { FieldDefinitionRow } from './queries'

const constraints = {
  custom_field_definitions_org_key: 'FIELD_KEY_TAKEN',
  custom_field_definitions_category_fk: 'CATEGORY_NOT_FOUND',
}

type Row = FieldDefinitionRow

/** Adds a custom field for tools or locations (owners and admins). */
export async function createFieldDefinition(tx: Tx, input: FieldDefinitionInput): Promise<Result<Row>> {
  const parsed = parseInput(fieldDefinitionInput, input)
  if (!parsed.ok) return parsed
  const d = parsed.data
  if (d.categoryId && d.entityType !== 'tool') return fail('VALIDATION', { fields: { categoryId: 'INVALID' } })
  return attempt(
    tx,
    async (sp) => {
      const [row] = await sp.insert(customFieldDefinitions).values({ organizationId: currentOrg(), ...d }).returning()
      return row as Row
    },
    constraints,
  )
}

/** Changes label, options, required, order, due-date flag, category or active; key and type stay. */
export async function updateFieldDefinition(tx: Tx, input: FieldDefinitionUpdate): Promise<Result<Row>> {
  const parsed = parseInput(fieldDefinitionUpdate, input)
  if (!parsed.ok) return parsed
  const { id, ...patch } = parsed.data
  const [current] = await tx.select().from(customFieldDefinitions).where(eq(customFieldDefinitions.id, id))
  if (!current) return fail('NOT_FOUND')
  const merged = { ...current, ...patch } as Row
  const problems = z
    .object({})
    .superRefine((_, ctx) => checkOptions(merged, ctx))
    .safeParse({})
  if (!problems.success) return fail('VALIDATION', { fields: Object.fromEntries(problems.error.issues.map((i) => [i.path.join('.'), i.message])) })
  if (merged.categoryId && merged.entityType !== 'tool') return fail('VALIDATION', { fields: { categoryId: 'INVALID' } })
  const result = await attempt(tx, (sp) => sp.update(customFieldDefinitions).set(patch).where(eq(customFieldDefinitions.id, id)).returning(), constraints)
  if (!result.ok) return result
  return result.data[0] ? ok(result.data[0] as Row) : fail('FORBIDDEN')
}

export const applyTemplateInput = z.object({
  template: z.enum(industryTemplateNames as [string, ...string[]]),
  categoryId: z.preprocess((v) => (v === '' ? null : v), uuid.nullable().optional()),
})

/** Adds an industry template's fields (seed 004 §8.1) that the company does not have yet, by key. */
export async function applyIndustryTemplate(tx: Tx, input: z.input<typeof applyTemplateInput>): Promise<Result<{ created: string[]; skipped: string[] }>> {
  const parsed = parseInput(applyTemplateInput, input)
  if (!parsed.ok) return parsed
  const fields = industryTemplates[parsed.data.template as keyof typeof industryTemplates]
  const existing = await tx
    .select({ key: customFieldDefinitions.fieldKey })
    .from(customFieldDefinitions)
    .where(eq(customFieldDefinitions.entityType, 'tool'))
  const have = new Set(existing.map((r) => r.key))
  const missing = fields.filter((f) => !have.has(f.fieldKey))
  const result = await attempt(
    tx,
    async (sp) => {
      if (missing.length === 0) return
      await sp.insert(customFieldDefinitions).values(
        missing.map((f, i) => ({
          organizationId: currentOrg(),
          entityType: 'tool' as const,
          ...f,
          displayOrder: have.size + i,
          categoryId: parsed.data.categoryId ?? null,
        })),
      )
    },
    constraints,
  )
  if (!result.ok) return result
  return ok({ created: missing.map((f) => f.fieldKey), skipped: fields.filter((f) => have.has(f.fieldKey)).map((f) => f.fieldKey) })
}
