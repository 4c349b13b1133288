import { describe, expect, it } from 'vitest'
import { fieldDefinitionInput, type FieldDefinition } from '@/lib/custom-fields/schemas'
import { industryTemplates } from '@/lib/custom-fields/templates'
import { applicableDefinitions, validateCustomValues } from '@/lib/custom-fields/validation'
import { parseWith } from '@/lib/result'

const defs: FieldDefinition[] = [
  { fieldKey: 'calibration_date', label: '校正日', fieldType: 'date', options: {}, isRequired: true },
  { fieldKey: 'certificate', label: '証明書番号', fieldType: 'text', options: { maxLength: 10 }, isRequired: false },
  { fieldKey: 'rental_cost', label: 'レンタル料', fieldType: 'number', options: { min: 0, max: 100000 }, isRequired: false },
  {
    fieldKey: 'nozzle',
    label: 'ノズル',
    fieldType: 'select',
    options: { choices: [{ value: '1.3mm', label: '1.3 mm' }, { value: '1.5mm', label: '1.5 mm' }] },
    isRequired: false,
  },
]

describe('custom field values, validated from the definitions', () => {
  it('accepts good values and normalises them (date formats, numbers as text, a choice by its label)', () => {
    const r = validateCustomValues(defs, { calibration_date: '2025/4/1', certificate: ' CERT-1 ', rental_cost: '１２,０００', nozzle: '1.5 mm' })
    expect(r).toEqual({ ok: true, data: { calibration_date: '2025-04-01', certificate: 'CERT-1', rental_cost: 12000, nozzle: '1.5mm' } })
  })

  it('rejects bad values with one error code per field', () => {
    const r = validateCustomValues(defs, { calibration_date: '2025-02-30', certificate: 'X'.repeat(11), rental_cost: 'abc', nozzle: '9mm' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('VALIDATION')
    expect(r.error.fields).toEqual({
      'customFields.calibration_date': 'INVALID_DATE',
      'customFields.certificate': 'TOO_LONG',
      'customFields.rental_cost': 'INVALID_NUMBER',
      'customFields.nozzle': 'INVALID_CHOICE',
    })
  })

  it('enforces required fields, number ranges and refuses unknown keys', () => {
    const r = validateCustomValues(defs, { calibration_date: '', rental_cost: -1, colour: 'red' })
    expect(r.ok ? null : r.error.fields).toEqual({
      'customFields.calibration_date': 'REQUIRED',
      'customFields.rental_cost': 'TOO_SMALL',
      'customFields.colour': 'UNKNOWN_FIELD',
    })
    expect(validateCustomValues(defs, { calibration_date: '2025-01-01', rental_cost: 100001 }).ok).toBe(false)
    expect(validateCustomValues(defs, 'nonsense')).toEqual({ ok: false, error: { code: 'VALIDATION', fields: { customFields: 'INVALID' } } })
  })

  it('drops empty optional values and keeps the values of fields that do not apply', () => {
    const scoped: FieldDefinition[] = [
      { fieldKey: 'next_calibration', label: '次回校正日', fieldType: 'date', options: {}, isRequired: true, categoryId: 'measuring' },
      { fieldKey: 'memo', label: 'メモ', fieldType: 'text', options: {}, isRequired: false },
      { fieldKey: 'old', label: '旧項目', fieldType: 'text', options: {}, isRequired: true, isActive: false },
    ]
    expect(applicableDefinitions(scoped, 'power-tools').map((d) => d.fieldKey)).toEqual(['memo'])
    const r = validateCustomValues(scoped, { memo: '' }, { categoryId: 'power-tools', existing: { old: 'kept', next_calibration: '2020-01-01', memo: 'x' } })
    expect(r).toEqual({ ok: true, data: { old: 'kept', next_calibration: '2020-01-01' } })
    const measuring = validateCustomValues(scoped, {}, { categoryId: 'measuring' })
    expect(measuring.ok ? null : measuring.error.fields).toEqual({ 'customFields.next_calibration': 'REQUIRED' })
  })
})

describe('field definitions', () => {
  const parse = (input: unknown) => parseWith(fieldDefinitionInput, input)

  it('needs choices for a select, a date for a due date, and a key of lower-case letters', () => {
    expect(parse({ entityType: 'tool', fieldKey: 'size', label: 'サイズ', fieldType: 'select' }).error?.issues.map((i) => i.message)).toEqual(['CHOICES_REQUIRED'])
    expect(parse({ entityType: 'tool', fieldKey: 'due', label: '期限', fieldType: 'text', isDueDate: true }).error?.issues.map((i) => i.message)).toEqual([
      'DUE_DATE_NEEDS_DATE',
    ])
    expect(parse({ entityType: 'tool', fieldKey: 'Due Date', label: '期限', fieldType: 'date' }).error?.issues[0]?.message).toBe('INVALID_FIELD_KEY')
    const ok = parse({ entityType: 'location', fieldKey: 'site_no', label: '工事番号', fieldType: 'text' })
    expect(ok.data).toMatchObject({ isRequired: false, isDueDate: false, displayOrder: 0 })
    expect(
      parse({ entityType: 'tool', fieldKey: 'size', label: 'サイズ', fieldType: 'select', options: { choices: [{ value: 'a', label: 'A' }, { value: 'a', label: 'B' }] } }).error
        ?.issues[0]?.message,
    ).toBe('DUPLICATE_CHOICE')
  })

  it('has the industry templates of seed 004 §8.1, with due dates on 次回校正日 and 返却期限', () => {
    expect(industryTemplates.electrical.map((f) => f.label)).toEqual(['校正日', '次回校正日', '校正証明書番号'])
    expect(industryTemplates.civil.map((f) => f.label)).toEqual(['レンタル会社', '返却期限', 'レンタル料'])
    expect(industryTemplates.painting.map((f) => f.label)).toEqual(['最終メンテナンス日', 'ノズルサイズ'])
    const due = Object.values(industryTemplates)
      .flat()
      .filter((f) => 'isDueDate' in f && f.isDueDate)
      .map((f) => f.label)
    expect(due).toEqual(['次回校正日', '返却期限'])
    for (const f of Object.values(industryTemplates).flat()) expect(parse({ entityType: 'tool', ...f }).success, f.fieldKey).toBe(true)
  })
})

describe('a required field left empty', () => {
  it('is REQUIRED whatever its type', () => {
    const required = defs.map((d) => ({ ...d, isRequired: true }))
    const r = validateCustomValues(required, { calibration_date: '', certificate: ' ', rental_cost: '', nozzle: null })
    expect(r.ok ? null : r.error.fields).toEqual({
      'customFields.calibration_date': 'REQUIRED',
      'customFields.certificate': 'REQUIRED',
      'customFields.rental_cost': 'REQUIRED',
      'customFields.nozzle': 'REQUIRED',
    })
  })
})
