import type { FieldDefinitionRow } from '@/lib/custom-fields/queries'
import type { FieldDefinition } from '@/lib/custom-fields/schemas'

/** Definitions as plain data for a client form. */
export const fieldsForForm = (rows: FieldDefinitionRow[]): FieldDefinition[] =>
  rows.map((f) => ({ fieldKey: f.fieldKey, label: f.label, fieldType: f.fieldType, options: f.options, isRequired: f.isRequired, isActive: f.isActive, displayOrder: f.displayOrder }))
