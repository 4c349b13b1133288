import { z } from 'zod'
import { blank, nullable, requiredText, uuid, wholeNumber } from '../validation'

export const entityTypes = ['tool', 'location'] as const
export const fieldTypes = ['text', 'number', 'date', 'select'] as const
export type EntityType = (typeof entityTypes)[number]
export type FieldType = (typeof fieldTypes)[number]

export const FIELD_KEY = /^[a-z][a-z0-9_]{0,39}$/

const choice = z.object({ value: requiredText(60), label: requiredText(60) })

export const fieldOptionsSchema = z
  .object({
    choices: z.array(choice).max(100, 'TOO_MANY').optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    maxLength: z.number().int().min(1).max(2000).optional(),
  })
  .strict()
export type FieldOptions = z.infer<typeof fieldOptionsSchema>

/** A definition as the validator needs it (a row of custom_field_definitions, or a template entry). */
export interface FieldDefinition {
  fieldKey: string
  label: string
  fieldType: FieldType
  options: FieldOptions
  isRequired: boolean
  isDueDate?: boolean
  isActive?: boolean
  categoryId?: string | null
  displayOrder?: number
}

const definitionFields = {
  label: requiredText(60),
  options: z.preprocess((v) => blank(v) ?? {}, fieldOptionsSchema).optional(),
  isRequired: z.boolean(),
  displayOrder: wholeNumber(0, 10_000),
  isDueDate: z.boolean(),
  categoryId: nullable(uuid),
}

function checkOptions(v: { fieldType?: FieldType; options?: FieldOptions; isDueDate?: boolean }, ctx: z.RefinementCtx) {
  if (v.fieldType === 'select') {
    const values = (v.options?.choices ?? []).map((c) => c.value)
    if (values.length === 0) ctx.addIssue({ code: 'custom', path: ['options', 'choices'], message: 'CHOICES_REQUIRED' })
    if (new Set(values).size !== values.length) ctx.addIssue({ code: 'custom', path: ['options', 'choices'], message: 'DUPLICATE_CHOICE' })
  }
  if (v.isDueDate && v.fieldType !== 'date') ctx.addIssue({ code: 'custom', path: ['isDueDate'], message: 'DUE_DATE_NEEDS_DATE' })
  const { min, max } = v.options ?? {}
  if (min !== undefined && max !== undefined && min > max) ctx.addIssue({ code: 'custom', path: ['options', 'max'], message: 'TOO_SMALL' })
}

export const fieldDefinitionInput = z
  .object({
    entityType: z.enum(entityTypes),
    fieldKey: z.string().regex(FIELD_KEY, 'INVALID_FIELD_KEY'),
    fieldType: z.enum(fieldTypes),
    ...definitionFields,
    isRequired: definitionFields.isRequired.default(false),
    displayOrder: definitionFields.displayOrder.default(0),
    isDueDate: definitionFields.isDueDate.default(false),
  })
  .superRefine(checkOptions)
export type FieldDefinitionInput = z.input<typeof fieldDefinitionInput>

/** Key, entity and type are fixed once values exist; everything else can change. */
export const fieldDefinitionUpdate = z.object({ id: uuid, ...definitionFields, isActive: z.boolean().optional() }).partial({
  label: true,
  options: true,
  isRequired: true,
  displayOrder: true,
  isDueDate: true,
})
export type FieldDefinitionUpdate = z.input<typeof fieldDefinitionUpdate>

export { checkOptions }
