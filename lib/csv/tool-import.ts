import 'server-only'
import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Tx } from '../db'
import { listFieldDefinitions, type FieldDefinitionRow } from '../custom-fields/queries'
import { applicableDefinitions, validateCustomValues } from '../custom-fields/validation'
import { locations, toolCategories, toolStatuses, tools } from '../db/schema'
import { rows } from '../db/sql'
import { fail, issueCode, ok, parseWith, type AppError, type Result } from '../result'
import { normalizeToolCode, TOOL_CODE } from '../tools/codes'
import { createTool, updateTool } from '../tools/commands'
import { toolInput, toolUpdate, type ToolInput, type ToolUpdate } from '../tools/schemas'
import { columnForHeader, columnHeader, exportOnly, managementForLabel, squash, statusForLabel, type ToolColumn } from './columns'
import { decodeCsv, type CsvEncoding } from './encoding'
import { parseCsv, unguard } from './format'

export const MAX_IMPORT_ROWS = 5000

export interface RowError {
  /** The column's header as written in the file (or the Japanese header when the column is missing). */
  column: string
  code: string
}

export interface PreviewRow {
  /** The spreadsheet row number (the header is row 1). */
  row: number
  toolCode: string | null
  name: string
  action: 'create' | 'update' | 'error'
  errors: RowError[]
}

export interface ImportPreview {
  encoding: CsvEncoding
  /** Headers that were not understood and are ignored. */
  ignoredColumns: string[]
  rows: PreviewRow[]
  summary: { total: number; create: number; update: number; error: number }
  /** File-wide problems (the plan's tool limit). */
  problems: AppError[]
}

type Planned = { row: number; action: 'create'; input: ToolInput } | { row: number; action: 'update'; input: ToolUpdate }

const fieldToColumn: Record<string, ToolColumn> = {
  toolCode: 'toolCode',
  categoryId: 'category',
  name: 'name',
  modelNumber: 'modelNumber',
  manufacturer: 'manufacturer',
  serialNumber: 'serialNumber',
  purchaseDate: 'purchaseDate',
  purchasePrice: 'purchasePrice',
  usefulLifeYears: 'usefulLifeYears',
  status: 'status',
  statusId: 'status',
  currentLocationId: 'location',
  managementType: 'managementType',
  currentQuantity: 'currentQuantity',
  unit: 'unit',
  minStockAlert: 'minStockAlert',
  notes: 'notes',
}

async function plan(tx: Tx, input: { bytes: Uint8Array; encoding?: CsvEncoding | 'auto' }): Promise<Result<{ preview: ImportPreview; planned: Planned[] }>> {
  const { text, encoding } = decodeCsv(input.bytes, input.encoding ?? 'auto')
  let table: string[][]
  try {
    table = parseCsv(text)
  } catch {
    return fail('UNREADABLE_FILE')
  }
  if (table.length < 2) return fail('EMPTY_FILE')
  if (table.length - 1 > MAX_IMPORT_ROWS) return fail('TOO_MANY_ROWS', { details: { max: MAX_IMPORT_ROWS } })

  const defs = await listFieldDefinitions(tx, { entityType: 'tool' })
  const header = table[0]!.map((h) => h.trim())
  const columnAt = new Map<ToolColumn, number>()
  const fieldAt = new Map<string, number>()
  const ignoredColumns: string[] = []
  header.forEach((h, i) => {
    const column = columnForHeader(h)
    const def = column ? undefined : defs.find((d) => squash(d.label) === squash(h) || d.fieldKey === h)
    if (column && !exportOnly.includes(column) && !columnAt.has(column)) columnAt.set(column, i)
    else if (def && !fieldAt.has(def.fieldKey)) fieldAt.set(def.fieldKey, i)
    else if (h && !(column && exportOnly.includes(column))) ignoredColumns.push(h)
  })
  for (const required of ['name', 'category'] as const) {
    if (!columnAt.has(required) && !columnAt.has('toolCode')) {
      // Either header is read; the message names both, whatever the reader's language.
      return fail('MISSING_COLUMN', { details: { column: `${columnHeader(required, 'ja')} / ${columnHeader(required, 'en')}` } })
    }
  }
  const headerOf = (column: ToolColumn) => (columnAt.has(column) ? header[columnAt.get(column)!]! : columnHeader(column, 'ja'))
  const headerOfField = (key: string) => (fieldAt.has(key) ? header[fieldAt.get(key)!]! : (defs.find((d) => d.fieldKey === key)?.label ?? key))

  const body = table.slice(1)
  const cellOf = (r: string[], i: number | undefined) => (i === undefined ? undefined : unguard((r[i] ?? '').trim()))
  const codes = body.map((r) => cellOf(r, columnAt.get('toolCode'))).filter((c): c is string => !!c).map(normalizeToolCode)
  const [categories, statuses, places, existing] = await Promise.all([
    tx.select().from(toolCategories),
    tx.select().from(toolStatuses).where(eq(toolStatuses.isActive, true)),
    tx
      .select({ id: locations.id, name: locations.name })
      .from(locations)
      .where(and(eq(locations.isActive, true), isNull(locations.deletedAt))),
    codes.length ? tx.select().from(tools).where(inArray(tools.toolCode, codes)) : Promise.resolve([]),
  ])
  const byCode = new Map(existing.map((t) => [t.toolCode, t]))
  const seen = new Set<string>()
  const previewRows: PreviewRow[] = []
  const planned: Planned[] = []

  body.forEach((r, index) => {
    const row = index + 2
    const errors: RowError[] = []
    const add = (column: string, code: string) => {
      if (!errors.some((e) => e.column === column)) errors.push({ column, code })
    }
    const cell = (column: ToolColumn) => cellOf(r, columnAt.get(column))
    const rawCode = cell('toolCode')
    const code = rawCode ? normalizeToolCode(rawCode) : null
    const current = code ? byCode.get(code) : undefined
    if (code && !TOOL_CODE.test(code)) add(headerOf('toolCode'), 'INVALID_TOOL_CODE')
    if (code && seen.has(code)) add(headerOf('toolCode'), 'DUPLICATE_IN_FILE')
    if (code) seen.add(code)
    if (current?.deletedAt) add(headerOf('toolCode'), 'TOOL_IN_TRASH')

    const values: Record<string, unknown> = {}
    for (const column of ['name', 'modelNumber', 'manufacturer', 'serialNumber', 'purchaseDate', 'purchasePrice', 'usefulLifeYears', 'currentQuantity', 'unit', 'minStockAlert', 'notes'] as const) {
      const v = cell(column)
      if (v !== undefined) values[column] = v === '' ? null : v
    }
    if (code) values.toolCode = code
    const categoryCell = cell('category')
    let categoryId = current?.categoryId
    if (categoryCell) {
      const found = categories.find((c) => squash(c.name) === squash(categoryCell) || c.codePrefix === categoryCell.toUpperCase())
      if (found) categoryId = values.categoryId = found.id
      else add(headerOf('category'), 'CATEGORY_NOT_FOUND')
    }
    const statusCell = cell('status')
    if (statusCell) {
      const builtIn = statusForLabel(statusCell)
      const custom = statuses.find((s) => squash(s.label) === squash(statusCell))
      // An exported disposed tool reads back unchanged; disposing needs a date and a reason, so not by CSV.
      if (builtIn === 'disposed') {
        if (current?.status !== 'disposed') add(headerOf('status'), 'DISPOSAL_NOT_IMPORTED')
      }
      else if (builtIn) Object.assign(values, { status: builtIn, statusId: null })
      else if (custom) values.statusId = custom.id
      else add(headerOf('status'), 'STATUS_NOT_FOUND')
    }
    const placeCell = cell('location')
    if (placeCell !== undefined) {
      const found = places.find((p) => squash(p.name) === squash(placeCell))
      if (placeCell === '') values.currentLocationId = null
      else if (found) values.currentLocationId = found.id
      else add(headerOf('location'), 'LOCATION_NOT_FOUND')
    }
    const typeCell = cell('managementType')
    if (typeCell) {
      const type = managementForLabel(typeCell)
      if (type) values.managementType = type
      else add(headerOf('managementType'), 'INVALID_CHOICE')
    }
    if (fieldAt.size) {
      const applicable = applicableDefinitions(defs, categoryId)
      const merged: Record<string, unknown> = Object.fromEntries(
        applicable.filter((d) => current && d.fieldKey in current.customFields).map((d) => [d.fieldKey, current!.customFields[d.fieldKey]]),
      )
      for (const [key, i] of fieldAt) {
        const v = cellOf(r, i)
        if (v === '' || v === undefined) delete merged[key]
        else merged[key] = v
      }
      // A value for a field that does not apply to this row's category is ignored, not an error.
      for (const key of Object.keys(merged)) if (!applicable.some((d) => d.fieldKey === key)) delete merged[key]
      values.customFields = merged
      const checked = validateCustomValues(defs as FieldDefinitionRow[], merged, { categoryId, existing: current?.customFields })
      if (!checked.ok) for (const [path, c] of Object.entries(checked.error.fields ?? {})) add(headerOfField(path.replace(/^customFields\./, '')), c)
    }

    const parsed = current ? parseWith(toolUpdate, { id: current.id, ...values }) : parseWith(toolInput, values)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '')
        if (field === 'customFields') continue
        add(headerOf(fieldToColumn[field] ?? 'name'), issueCode(issue))
      }
    } else if (current) {
      const p = parsed.data as ToolUpdate & { managementType?: string; currentQuantity?: number | null }
      const type = p.managementType ?? current.managementType
      const quantity = p.currentQuantity !== undefined ? p.currentQuantity : current.currentQuantity
      if (type === 'quantity' && (quantity === null || quantity === undefined)) add(headerOf('currentQuantity'), 'REQUIRED')
    }
    const name = String(values.name ?? current?.name ?? '')
    if (errors.length || !parsed.success) {
      previewRows.push({ row, toolCode: code, name, action: 'error', errors })
      return
    }
    previewRows.push({ row, toolCode: code, name, action: current ? 'update' : 'create', errors: [] })
    planned.push(current ? { row, action: 'update', input: { id: current.id, ...values } as ToolUpdate } : { row, action: 'create', input: values as ToolInput })
  })

  const problems: AppError[] = []
  const creates = previewRows.filter((r) => r.action === 'create').length
  if (creates) {
    const [limit] = await rows<{ max: number | null; used: number }>(
      tx,
      sql`select o.max_tools as max, (select count(*)::int from tools t where t.deleted_at is null) as used
          from organizations o where o.id = (select app.org_id())`,
    )
    if (limit?.max != null && limit.used + creates > limit.max) problems.push({ code: 'PLAN_LIMIT_TOOLS', details: { limit: limit.max } })
  }
  const count = (action: PreviewRow['action']) => previewRows.filter((r) => r.action === action).length
  return ok({
    preview: {
      encoding,
      ignoredColumns,
      rows: previewRows,
      summary: { total: previewRows.length, create: count('create'), update: count('update'), error: count('error') },
      problems,
    },
    planned,
  })
}

/** Reads a tool CSV (UTF-8 or Shift_JIS) and reports, row by row, what importing it would do. Writes nothing. */
export async function previewToolImport(tx: Tx, input: { bytes: Uint8Array; encoding?: CsvEncoding | 'auto' }): Promise<Result<ImportPreview>> {
  const planned = await plan(tx, input)
  return planned.ok ? ok(planned.data.preview) : planned
}

class ImportAborted extends Error {
  constructor(
    readonly row: number,
    readonly reason: AppError,
  ) {
    super(`row ${row}: ${reason.code}`)
  }
}

/**
 * Imports a tool CSV after the preview was confirmed: rows upsert by tool_code (blank code = a new tool with
 * the next code), all in one savepoint. Nothing is written when any row has an error (IMPORT_HAS_ERRORS with
 * the preview) or fails on writing (IMPORT_FAILED with the row). A blank cell clears the value; a column
 * missing from the file leaves it as it is.
 */
export async function importToolsCsv(
  tx: Tx,
  input: { bytes: Uint8Array; encoding?: CsvEncoding | 'auto' },
): Promise<Result<{ created: number; updated: number; encoding: CsvEncoding }>> {
  const planned = await plan(tx, input)
  if (!planned.ok) return planned
  const { preview } = planned.data
  if (preview.summary.error || preview.problems.length) return fail('IMPORT_HAS_ERRORS', { details: { preview } })
  try {
    await tx.transaction(async (sp) => {
      for (const item of planned.data.planned) {
        const result = item.action === 'create' ? await createTool(sp, item.input) : await updateTool(sp, item.input)
        if (!result.ok) throw new ImportAborted(item.row, result.error)
      }
    })
  } catch (error) {
    if (error instanceof ImportAborted) return fail('IMPORT_FAILED', { details: { row: error.row, error: error.reason } })
    throw error
  }
  return ok({ created: preview.summary.create, updated: preview.summary.update, encoding: preview.encoding })
}
