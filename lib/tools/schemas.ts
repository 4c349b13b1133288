import { z } from 'zod'
import { builtInStatusKeys } from '../tool-statuses/schemas'
import { isoDate, nullable, optionalText, requiredText, uuid, wholeNumber, yen } from '../validation'
import { toolCodeSchema } from './codes'

export const managementTypes = ['individual', 'quantity'] as const
export type ManagementType = (typeof managementTypes)[number]

const editable = {
  /** Blank = the next code of the category. */
  toolCode: z.preprocess((v) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v), toolCodeSchema.optional()),
  categoryId: uuid,
  name: requiredText(100),
  modelNumber: optionalText(100),
  manufacturer: optionalText(100),
  serialNumber: optionalText(100),
  purchaseDate: nullable(isoDate),
  purchasePrice: nullable(yen),
  usefulLifeYears: nullable(wholeNumber(1, 50)),
  status: z.enum(['normal', 'repair', 'broken'], 'INVALID_CHOICE').optional(),
  /** A company status (tool_statuses.id); wins over `status`. */
  statusId: nullable(uuid),
  currentLocationId: nullable(uuid),
  currentHolderId: nullable(uuid),
  managementType: z.enum(managementTypes, 'INVALID_CHOICE'),
  currentQuantity: nullable(wholeNumber(0, 10_000_000)),
  unit: optionalText(10),
  minStockAlert: nullable(wholeNumber(0, 10_000_000)),
  /** Validated against the company's definitions at run time (lib/custom-fields/validation.ts). */
  customFields: z.record(z.string(), z.unknown()).optional(),
  manualUrl: nullable(z.url({ protocol: /^https?$/, error: 'INVALID_URL' }).max(500, 'TOO_LONG')),
  notes: optionalText(2000),
}

function quantityRules(v: { managementType?: ManagementType; currentQuantity?: number | null }, ctx: z.RefinementCtx) {
  if (v.managementType === 'quantity' && (v.currentQuantity === undefined || v.currentQuantity === null)) {
    ctx.addIssue({ code: 'custom', path: ['currentQuantity'], message: 'REQUIRED' })
  }
}

/**
 * The tool form and the create command share this schema (react-hook-form resolver on the client).
 * `id` is optional: a pre-printed blank label's UUID becomes the new tool's id (else the database makes one).
 */
export const toolInput = z
  .object({ id: uuid.optional(), ...editable, managementType: editable.managementType.default('individual') })
  .superRefine(quantityRules)
export type ToolInput = z.input<typeof toolInput>

/** Only what is given changes (no defaults here: an edit never resets a field it does not mention). */
export const toolUpdate = z.object({ id: uuid, ...editable }).partial({ categoryId: true, name: true, managementType: true })
export type ToolUpdate = z.input<typeof toolUpdate>

export const disposeInput = z.object({ id: uuid, disposedOn: nullable(isoDate), reason: requiredText(500) })
export type DisposeInput = z.input<typeof disposeInput>

export const setStatusInput = z.object({
  id: uuid,
  status: z.enum(['normal', 'repair', 'broken'], 'INVALID_CHOICE').optional(),
  statusId: nullable(uuid),
})

export const toolSorts = ['code', 'name', 'updated', 'purchased', 'price'] as const
export type ToolSort = (typeof toolSorts)[number]

const one = <S extends z.ZodType>(s: S) => z.preprocess((v) => (Array.isArray(v) ? v[0] : v) || undefined, s.optional())
const many = <S extends z.ZodType>(s: S) =>
  z.preprocess((v) => (v === undefined || v === '' ? undefined : (Array.isArray(v) ? v : String(v).split(',')).filter(Boolean)), z.array(s).optional())

export const customFieldFilter = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  /** eq: equals (indexed, jsonb_path_ops); contains: text contains; from/to: date or number range, inclusive. */
  op: z.enum(['eq', 'contains', 'from', 'to']),
  value: z.string().min(1).max(200),
})
export type CustomFieldFilter = z.infer<typeof customFieldFilter>

/** The tool list's query: what the URL holds (see searchParams.ts), parsed the same way on the server. */
export const toolListQuery = z.object({
  q: one(z.string().trim().max(100)),
  categoryId: many(uuid),
  /** Built-in keys or company status ids. */
  status: many(z.union([z.enum(builtInStatusKeys), uuid])),
  /** Every status, disposed tools too (a place's own list); without it, and without `status`, disposed ones are left out. */
  includeDisposed: z.boolean().default(false),
  locationId: many(uuid),
  holderId: many(uuid),
  managementType: one(z.enum(managementTypes)),
  lowStock: z.preprocess((v) => v === true || v === 'true' || v === '1', z.boolean()).default(false),
  /** Individual tools on a site for at least this many days (the long-unreturned alert). */
  onSiteDays: one(z.coerce.number().int().min(1).max(3650)),
  /** With dueFrom/dueTo: tools an inspection schedule applies to, next due in that range (the due alerts). */
  scheduleId: one(uuid),
  dueFrom: one(isoDate),
  dueTo: one(isoDate),
  fields: z.array(customFieldFilter).max(10).default([]),
  sort: z.preprocess((v) => v || undefined, z.enum(toolSorts).default('code')),
  dir: z.preprocess((v) => v || undefined, z.enum(['asc', 'desc']).default('asc')),
  cursor: one(z.string().max(500)),
  limit: z.preprocess((v) => (v === undefined || v === '' ? undefined : Number(v)), z.number().int().min(1).max(200).default(50)),
})
export type ToolListQuery = z.input<typeof toolListQuery>
export type ToolListParams = z.output<typeof toolListQuery>

/** The register's settings form and command (lib/tools/settings.ts). */
export const registerSettingsInput = z.object({ trashRetentionMonths: wholeNumber(1, 120) })
