import 'server-only'
import { listCategories } from '@/lib/categories/queries'
import { listFieldDefinitions } from '@/lib/custom-fields/queries'
import type { Tx } from '@/lib/db'
import { listLocations } from '@/lib/locations/queries'
import { listToolStatuses } from '@/lib/tool-statuses/queries'
import { listHolderOptions } from '@/lib/tools/queries'
import type { ToolFormOptions } from './tool-form'

/** The pickers of the tool form: categories with their next code, statuses, open places, members, custom fields. */
export async function toolFormOptions(tx: Tx, current?: { locationId: string | null }): Promise<ToolFormOptions> {
  const categories = await listCategories(tx, { includeInactive: true })
  const statuses = await listToolStatuses(tx)
  const places = await listLocations(tx, { includeInactive: true })
  const holders = await listHolderOptions(tx)
  const fields = await listFieldDefinitions(tx, { entityType: 'tool' })
  return {
    categories: categories.map((c) => ({ id: c.id, name: c.name, codePrefix: c.codePrefix, nextToolCode: c.nextToolCode, isActive: c.isActive })),
    statuses: statuses.map((s) => ({ id: s.id, label: s.label })),
    places: places.filter((p) => p.isActive || p.id === current?.locationId).map((p) => ({ id: p.id, name: p.name, type: p.type })),
    holders,
    fields: fields.map((f) => ({
      id: f.id,
      fieldKey: f.fieldKey,
      label: f.label,
      fieldType: f.fieldType,
      options: f.options,
      isRequired: f.isRequired,
      isActive: f.isActive,
      categoryId: f.categoryId,
      displayOrder: f.displayOrder,
    })),
  }
}
