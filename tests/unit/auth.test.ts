import { describe, expect, it } from 'vitest'
import { hashPassword, verifyPassword } from '@/lib/auth/password'
import { safeNextPath, signInInput } from '@/lib/auth/schemas'
import { newToken, sameBytes, tokenHash } from '@/lib/auth/tokens'

describe('passwords', () => {
  it('hash with argon2id at m=19456, t=2, p=1 and verify', async () => {
    const hash = await hashPassword('correct horse battery')
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true)
    expect(await verifyPassword(hash, 'Correct horse battery')).toBe(false)
  })

  it('refuse a missing or broken hash without throwing', async () => {
    expect(await verifyPassword(null, 'x')).toBe(false)
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false)
  })
})

describe('tokens', () => {
  it('are 256-bit, URL-safe and hashed with SHA-256', () => {
    const token = newToken()
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(tokenHash(token)).toHaveLength(32)
    expect(sameBytes(tokenHash(token), tokenHash(token))).toBe(true)
    expect(sameBytes(tokenHash(token), tokenHash(newToken()))).toBe(false)
  })
})

describe('sign-in input', () => {
  it('normalises the email', () => {
    expect(signInInput.parse({ email: '  Owner@Demo.Genba.Test ', password: 'x' }).email).toBe('owner@demo.genba.test')
    expect(signInInput.safeParse({ email: 'not-an-email', password: 'x' }).success).toBe(false)
  })

  it('only returns to paths on this host', () => {
    expect(safeNextPath('/tools?status=repair')).toBe('/tools?status=repair')
    for (const bad of ['//evil.example', 'https://evil.example', '/\\evil', '', null, undefined]) expect(safeNextPath(bad)).toBe('/')
  })
})
