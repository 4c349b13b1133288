import 'server-only'
import { and, asc, eq } from 'drizzle-orm'
import type { Tx } from '../db'
import { customFieldDefinitions } from '../db/schema'
import type { EntityType, FieldDefinition, FieldOptions } from './schemas'

export type FieldDefinitionRow = typeof customFieldDefinitions.$inferSelect & FieldDefinition & { options: FieldOptions }

/** The company's field definitions for tools or locations, in display order (inactive ones only when asked). */
export async function listFieldDefinitions(tx: Tx, params: { entityType: EntityType; includeInactive?: boolean }): Promise<FieldDefinitionRow[]> {
  const rows = await tx
    .select()
    .from(customFieldDefinitions)
    .where(and(eq(customFieldDefinitions.entityType, params.entityType), params.includeInactive ? undefined : eq(customFieldDefinitions.isActive, true)))
    .orderBy(asc(customFieldDefinitions.displayOrder), asc(customFieldDefinitions.label))
  return rows as FieldDefinitionRow[]
}

/** Every date field marked as a due date (for calibration and rental alerts). */
export async function listDueDateFields(tx: Tx): Promise<FieldDefinitionRow[]> {
  const rows = await tx
    .select()
    .from(customFieldDefinitions)
    .where(and(eq(customFieldDefinitions.isDueDate, true), eq(customFieldDefinitions.isActive, true)))
    .orderBy(asc(customFieldDefinitions.displayOrder))
  return rows as FieldDefinitionRow[]
}
