import { z } from 'zod'
import { fail, invalid, parseWith, type Failure } from '../result'
import { blank, isoDate, toNumber, typeError } from '../validation'
import type { FieldDefinition } from './schemas'

export type CustomValues = Record<string, string | number>

function valueSchema(def: FieldDefinition): z.ZodType {
  const opts = def.options ?? {}
  let schema: z.ZodType
  switch (def.fieldType) {
    case 'text':
      schema = z.string(typeError('INVALID')).max(opts.maxLength ?? 200, 'TOO_LONG')
      break
    case 'number': {
      let n = z.number(typeError('INVALID_NUMBER'))
      if (opts.min !== undefined) n = n.min(opts.min, 'TOO_SMALL')
      if (opts.max !== undefined) n = n.max(opts.max, 'TOO_LARGE')
      schema = z.preprocess(toNumber, n)
      break
    }
    case 'date':
      schema = isoDate
      break
    case 'select': {
      const choices = opts.choices ?? []
      const byLabel = new Map(choices.map((c) => [c.label, c.value]))
      // A CSV cell or an old form may carry the label; the stored value is the choice's value.
      schema = z.preprocess(
        (v) => (typeof v === 'string' ? (byLabel.get(v.trim()) ?? v.trim()) : v),
        z.string(typeError('INVALID_CHOICE')).refine((v) => choices.some((c) => c.value === v), 'INVALID_CHOICE'),
      )
      break
    }
  }
  const given = z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), schema)
  return def.isRequired ? z.preprocess(blank, given) : z.preprocess(blank, given.optional())
}

/** The definitions that apply to a tool of `categoryId` (active; for every category or for that one). */
export function applicableDefinitions<D extends FieldDefinition>(defs: D[], categoryId?: string | null): D[] {
  return defs.filter((d) => d.isActive !== false && (!d.categoryId || d.categoryId === categoryId))
}

/** The zod schema for the values of `defs`, built at run time; unknown keys are refused. */
export function customValuesSchema(defs: FieldDefinition[]) {
  return z.strictObject(Object.fromEntries(defs.map((d) => [d.fieldKey, valueSchema(d)])))
}

/**
 * Validates submitted values against the definitions; returns the jsonb to store. Values of fields that do
 * not apply (inactive, another category's) are kept from `existing` untouched. Errors are per field:
 * `customFields.<key>` → REQUIRED | INVALID_NUMBER | INVALID_DATE | INVALID_CHOICE | TOO_LONG | …
 */
export function validateCustomValues(
  defs: FieldDefinition[],
  input: unknown,
  options: { categoryId?: string | null; existing?: Record<string, unknown> } = {},
): { ok: true; data: Record<string, unknown> } | Failure {
  if (input !== undefined && input !== null && (typeof input !== 'object' || Array.isArray(input))) {
    return fail('VALIDATION', { fields: { customFields: 'INVALID' } })
  }
  const applicable = applicableDefinitions(defs, options.categoryId)
  const parsed = parseWith(customValuesSchema(applicable), input ?? {})
  if (!parsed.success) return invalid(parsed.error, 'customFields.')
  const keys = new Set(applicable.map((d) => d.fieldKey))
  const kept = Object.fromEntries(Object.entries(options.existing ?? {}).filter(([k]) => !keys.has(k)))
  const given = Object.fromEntries(Object.entries(parsed.data as CustomValues).filter(([, v]) => v !== undefined))
  return { ok: true, data: { ...kept, ...given } }
}
