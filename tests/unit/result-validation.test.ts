import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { pgError } from '@/lib/db-errors'
import { fail, invalid, ok, parseInput, parseWith } from '@/lib/result'
import { isoDate, isUuid, optionalText, todayIso, toIsoDate, toNumber, yen } from '@/lib/validation'

describe('one result shape', () => {
  it('builds ok and failures', () => {
    expect(ok(1)).toEqual({ ok: true, data: 1 })
    expect(fail('NOT_FOUND')).toEqual({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(fail('PLAN_LIMIT_TOOLS', { details: { limit: 5 } })).toEqual({ ok: false, error: { code: 'PLAN_LIMIT_TOOLS', details: { limit: 5 } } })
  })

  it('turns zod issues into one translatable code per field', () => {
    const schema = z.strictObject({
      name: z.string().min(1),
      code: z.string().min(3).max(5),
      count: z.number().int().min(0).max(9),
      kind: z.enum(['a', 'b']),
      email: z.email(),
      mine: z.string().refine(() => false, 'MY_CODE'),
      nested: z.object({ when: z.string() }),
      other: z.boolean(),
    })
    const parsed = parseWith(schema, { name: '', code: 'ab', count: 10, kind: 'c', email: 'x', mine: 'y', nested: {}, other: 'yes', extra: 1 })
    expect(invalid(parsed.error!).error.fields).toEqual({
      name: 'REQUIRED',
      code: 'TOO_SHORT',
      count: 'TOO_LARGE',
      kind: 'INVALID_CHOICE',
      email: 'INVALID_FORMAT',
      mine: 'MY_CODE',
      'nested.when': 'REQUIRED',
      other: 'INVALID',
      extra: 'UNKNOWN_FIELD',
    })
    expect(invalid(parseWith(z.string().max(2), 'abc').error!).error.fields).toEqual({ _: 'TOO_LONG' })
    expect(invalid(parseWith(z.number().min(5), 1).error!, 'customFields.').error.fields).toEqual({ 'customFields._': 'TOO_SMALL' })
    expect(parseInput(z.object({ a: z.number() }), { a: 1 })).toEqual({ ok: true, data: { a: 1 } })
    expect(parseInput(z.object({ a: z.number() }), {})).toEqual({ ok: false, error: { code: 'VALIDATION', fields: { a: 'REQUIRED' } } })
  })
})

describe('reading what people type', () => {
  it('dates in the forms Japanese users write them, refusing impossible ones', () => {
    expect(toIsoDate('2024/4/1')).toBe('2024-04-01')
    expect(toIsoDate('２０２４．１２．３１')).toBe('2024-12-31')
    expect(toIsoDate('2024-02-29')).toBe('2024-02-29')
    expect(toIsoDate('2023-02-29')).toBeNull()
    expect(toIsoDate('令和6年4月1日')).toBeNull()
    expect(isoDate.parse(new Date('2025-01-02T00:00:00Z'))).toBe('2025-01-02')
    expect(isoDate.safeParse('2025-1-32').success).toBe(false)
  })

  it('numbers and yen with separators, signs and full-width digits', () => {
    expect(toNumber('¥28,000')).toBe(28000)
    expect(toNumber('１２，８００円')).toBe(12800)
    expect(toNumber('1.5')).toBe(1.5)
    expect(toNumber('abc')).toBe('abc')
    expect(toNumber(7)).toBe(7)
    expect(yen.parse('\\1,200')).toBe(1200)
    expect(yen.safeParse('12.5').error?.issues[0]?.message).toBe('NOT_INTEGER')
    expect(yen.safeParse(-1).error?.issues[0]?.message).toBe('TOO_SMALL')
    expect(optionalText(5).parse('')).toBeNull()
    expect(optionalText(5).parse(undefined)).toBeUndefined()
    expect(optionalText(5).parse(' ab ')).toBe('ab')
  })

  it('knows today in Japan, which is not UTC’s today after 15:00 UTC', () => {
    expect(todayIso(new Date('2026-11-23T15:30:00Z'))).toBe('2026-11-24')
    expect(todayIso(new Date('2026-11-23T14:30:00Z'))).toBe('2026-11-23')
  })
})

describe('database errors', () => {
  it('are found inside driver and drizzle wrappers, whichever field names the driver uses', () => {
    const postgresJs = Object.assign(new Error('dup'), { code: '23505', constraint_name: 'tools_org_code_key' })
    const pglite = Object.assign(new Error('limit'), { code: 'GB001', hint: '500' })
    expect(pgError(new Error('Failed query', { cause: postgresJs }))).toEqual({ code: '23505', constraint: 'tools_org_code_key', hint: undefined })
    expect(pgError(pglite)).toEqual({ code: 'GB001', constraint: undefined, hint: '500' })
    expect(pgError(new Error('plain'))).toBeUndefined()
    expect(pgError(Object.assign(new Error('node'), { code: 'ECONNREFUSED' }))).toBeUndefined()
  })
})

describe('isUuid', () => {
  it('takes what Postgres reads as a uuid, and nothing a ::uuid cast would fail on', () => {
    expect(isUuid('d154ade9-efd8-431c-a853-dfa6467453d9')).toBe(true)
    expect(isUuid('D154ADE9-EFD8-431C-A853-DFA6467453D9')).toBe(true)
    expect(isUuid('-'.repeat(36))).toBe(false)
    expect(isUuid('a'.repeat(36))).toBe(false)
    expect(isUuid('d154ade9-efd8-431c-a853-dfa6467453d')).toBe(false)
    expect(isUuid('')).toBe(false)
  })
})
