import { describe, expect, it } from 'vitest'
import { newPasswordSchema, passwordProblem } from '@/lib/auth/password-policy'

describe('password rules (8–128 characters, no common passwords, no composition rules)', () => {
  it('refuses fewer than 8 and more than 128 characters, counting characters not bytes', () => {
    expect(passwordProblem('a1b2c3d')).toBe('passwordTooShort')
    expect(passwordProblem('x'.repeat(129))).toBe('passwordTooLong')
    expect(passwordProblem('x'.repeat(128))).toBeNull()
    expect(passwordProblem('現場の道具を管理')).toBeNull()
    expect(passwordProblem('🔧🔧🔧🔧🔧🔧🔧')).toBe('passwordTooShort')
  })

  it('refuses common passwords from the shipped list, whatever their case', () => {
    for (const common of ['password', 'Password1', '12345678', 'iloveyou', 'qwertyuiop', 'PASSWORD123']) expect(passwordProblem(common), common).toBe('passwordCommon')
  })

  it('accepts anything else, with no rule about digits, capitals or symbols', () => {
    for (const fine of ['genba-demo-2026', 'correct horse battery staple', 'しずかなげんばです', 'alllowercaseletters']) expect(passwordProblem(fine), fine).toBeNull()
  })

  it('gives the problem as the message key in a schema', () => {
    const parsed = newPasswordSchema.safeParse('password')
    expect(parsed.success).toBe(false)
    expect(parsed.error!.issues[0]!.message).toBe('passwordCommon')
    expect(newPasswordSchema.safeParse('kawara-no-hashi').success).toBe(true)
  })
})
