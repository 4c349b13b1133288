import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { sessionCookie } from '@/lib/auth/config'
import { fail, ok } from '@/lib/result'
import { fieldErrors } from '@/lib/validation'

const t = (key: string, values?: Record<string, string | number>) => (values ? `${key}:${JSON.stringify(values)}` : key)

describe('fieldErrors', () => {
  const schema = z.object({
    name: z.string().trim().min(1).max(5),
    email: z.email(),
    code: z.string().min(3),
    qty: z.number().int().min(0).max(10),
    note: z.string().refine((v) => v !== 'bad', { message: 'customKey' }),
    nested: z.object({ when: z.string() }),
  })

  it('gives each field its first problem as a translation key with values', () => {
    const result = schema.safeParse({ name: '', email: 'nope', code: 'ab', qty: 11, note: 'bad', nested: {} })
    expect(result.success).toBe(false)
    expect(fieldErrors(result.error!, t)).toEqual({
      name: 'required',
      email: 'email',
      code: 'tooShort:{"min":3}',
      qty: 'tooBig:{"max":10}',
      note: 'customKey',
      'nested.when': 'required',
    })
  })

  it('covers too long, too small and wrong types', () => {
    const r = schema.safeParse({ name: 'abcdefg', email: 'a@b.jp', code: 'abc', qty: -1, note: 'ok', nested: { when: 5 } })
    expect(fieldErrors(r.error!, t)).toEqual({ name: 'tooLong:{"max":5}', qty: 'tooSmall:{"min":0}', 'nested.when': 'invalid' })
  })
})

describe('result', () => {
  it('has one shape for success and failure', () => {
    expect(ok({ id: 1 })).toEqual({ ok: true, data: { id: 1 } })
    expect(fail('X', 'msg')).toEqual({ ok: false, error: { code: 'X', message: 'msg' } })
    expect(fail('X', 'msg', { a: 'b' })).toEqual({ ok: false, error: { code: 'X', message: 'msg', fields: { a: 'b' } } })
  })
})

describe('sessionCookie', () => {
  it('is __Host- and Secure over HTTPS, plain on local http', () => {
    process.env.APP_DOMAIN = 'genba.jp'
    expect(sessionCookie()).toEqual({ name: '__Host-genba_session', options: { httpOnly: true, sameSite: 'lax', secure: true, path: '/' } })
    process.env.APP_DOMAIN = 'localhost:3000'
    expect(sessionCookie().name).toBe('genba_session')
    expect(sessionCookie().options.secure).toBe(false)
    delete process.env.APP_DOMAIN
  })
})
