import { describe, expect, it } from 'vitest'
import { codePrefixSchema, formatToolCode, isToolCode, normalizeToolCode, parseToolCode, toolCodeSchema } from '@/lib/tools/codes'

describe('tool codes', () => {
  it('formats the n-th code of a category with four digits, more past 9999', () => {
    expect(formatToolCode('A', 1)).toBe('A-0001')
    expect(formatToolCode('B', 123)).toBe('B-0123')
    expect(formatToolCode('EL', 9999)).toBe('EL-9999')
    expect(formatToolCode('C', 10000)).toBe('C-10000')
  })

  it('refuses a bad prefix or number (a bug, so it throws)', () => {
    expect(() => formatToolCode('a', 1)).toThrow()
    expect(() => formatToolCode('ABCD', 1)).toThrow()
    expect(() => formatToolCode('A', 0)).toThrow()
    expect(() => formatToolCode('A', 1.5)).toThrow()
  })

  it('reads what people type: full-width, lower case, long-vowel mark or space for the hyphen, short numbers', () => {
    expect(normalizeToolCode('ａ－０１２３')).toBe('A-0123')
    expect(normalizeToolCode('a-123')).toBe('A-0123')
    expect(normalizeToolCode('Aー0123')).toBe('A-0123')
    expect(normalizeToolCode(' el 5 ')).toBe('EL-0005')
    expect(normalizeToolCode('A0123')).toBe('A-0123')
    expect(normalizeToolCode('工具1')).toBe('工具1')
  })

  it('validates codes as the database does', () => {
    for (const good of ['A-0001', 'ABC-123456', 'C-10000']) expect(isToolCode(good), good).toBe(true)
    for (const bad of ['A-001', 'a-0001', 'ABCD-0001', 'A0001', 'A-1234567', '-0001', 'あ-0001']) expect(isToolCode(bad), bad).toBe(false)
    expect(parseToolCode('EL-0042')).toEqual({ prefix: 'EL', number: 42 })
    expect(parseToolCode('nope')).toBeNull()
  })

  it('parses codes and prefixes with error codes the UI translates', () => {
    expect(toolCodeSchema.parse('b-7')).toBe('B-0007')
    expect(toolCodeSchema.safeParse('B/7').error?.issues[0]?.message).toBe('INVALID_TOOL_CODE')
    expect(codePrefixSchema.parse(' ｅｌ ')).toBe('EL')
    expect(codePrefixSchema.safeParse('A1').error?.issues[0]?.message).toBe('INVALID_CODE_PREFIX')
  })
})

describe('update schemas', () => {
  it('carry no defaults, so an edit never resets a field it does not mention', async () => {
    const { toolUpdate, toolInput } = await import('@/lib/tools/schemas')
    const { categoryUpdate, categoryInput } = await import('@/lib/categories/schemas')
    const { fieldDefinitionUpdate } = await import('@/lib/custom-fields/schemas')
    const { toolStatusUpdate, toolStatusInput } = await import('@/lib/tool-statuses/schemas')
    const id = crypto.randomUUID()
    for (const schema of [toolUpdate, categoryUpdate, fieldDefinitionUpdate, toolStatusUpdate]) expect(schema.parse({ id })).toEqual({ id })
    expect(toolInput.parse({ categoryId: id, name: 'x' })).toMatchObject({ managementType: 'individual' })
    expect(categoryInput.parse({ name: 'x', codePrefix: 'X' })).toMatchObject({ displayOrder: 0, isActive: true })
    expect(toolStatusInput.parse({ label: 'x', color: '#000000' })).toMatchObject({ baseStatus: 'normal', isActive: true })
  })
})
