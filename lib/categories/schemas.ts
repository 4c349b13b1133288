import { z } from 'zod'
import { codePrefixSchema } from '../tools/codes'
import { nullable, requiredText, uuid, wholeNumber } from '../validation'

const fields = {
  name: requiredText(40),
  codePrefix: codePrefixSchema,
  displayOrder: wholeNumber(0, 10_000),
  isActive: z.boolean(),
  usefulLifeYears: nullable(wholeNumber(1, 50)),
}

export const categoryInput = z.object({ ...fields, displayOrder: fields.displayOrder.default(0), isActive: fields.isActive.default(true) })
export type CategoryInput = z.input<typeof categoryInput>

/** Only what is given changes (no defaults: an edit never resets what it does not mention). */
export const categoryUpdate = z.object({ id: uuid, ...fields }).partial({ name: true, codePrefix: true, displayOrder: true, isActive: true })
export type CategoryUpdate = z.input<typeof categoryUpdate>

/** The categories every new company starts with (seed 004 §2.3, §7.1). */
export const defaultCategories = [
  { name: '電動工具', codePrefix: 'A', usefulLifeYears: 3 },
  { name: '手工具', codePrefix: 'B', usefulLifeYears: 3 },
  { name: '測定器', codePrefix: 'C', usefulLifeYears: 5 },
  { name: '安全用具', codePrefix: 'D', usefulLifeYears: 3 },
  { name: '消耗品', codePrefix: 'E', usefulLifeYears: null },
] as const
