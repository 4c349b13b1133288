import type { FieldDefinition } from './schemas'

/** Industry templates of seed 004 §8.1; a settings screen applies one, adding the fields a company lacks. */
export const industryTemplates = {
  electrical: [
    { fieldKey: 'calibration_date', label: '校正日', fieldType: 'date', options: {}, isRequired: false },
    { fieldKey: 'next_calibration', label: '次回校正日', fieldType: 'date', options: {}, isRequired: false, isDueDate: true },
    { fieldKey: 'calibration_certificate', label: '校正証明書番号', fieldType: 'text', options: { maxLength: 60 }, isRequired: false },
  ],
  civil: [
    { fieldKey: 'rental_company', label: 'レンタル会社', fieldType: 'text', options: { maxLength: 100 }, isRequired: false },
    { fieldKey: 'rental_due_date', label: '返却期限', fieldType: 'date', options: {}, isRequired: false, isDueDate: true },
    { fieldKey: 'rental_cost', label: 'レンタル料', fieldType: 'number', options: { min: 0 }, isRequired: false },
  ],
  painting: [
    { fieldKey: 'last_maintenance', label: '最終メンテナンス日', fieldType: 'date', options: {}, isRequired: false },
    {
      fieldKey: 'nozzle_size',
      label: 'ノズルサイズ',
      fieldType: 'select',
      options: { choices: ['0.8', '1.0', '1.3', '1.5', '1.8', '2.0', '2.5'].map((v) => ({ value: `${v}mm`, label: `${v} mm` })) },
      isRequired: false,
    },
  ],
} satisfies Record<string, FieldDefinition[]>

export type IndustryTemplate = keyof typeof industryTemplates
export const industryTemplateNames = Object.keys(industryTemplates) as IndustryTemplate[]
