import { describe, expect, it } from 'vitest'
import { joinInput, registerInput, secondFactorInput, subdomainSchema } from '@/lib/accounts/schemas'
import { randomSuffix, withSuffix } from '@/lib/accounts/register'
import { invitationMail, passwordResetMail } from '@/lib/mail/templates'
import { mailRoute } from '@/lib/mail/send'
import { limitKey, limits } from '@/lib/rate-limit'

describe('sign-up input', () => {
  const base = { companyName: ' 青空建設 ', subdomain: ' Aozora-Kensetsu ', ownerName: '青空 一郎', email: 'Owner@Aozora.jp', password: 'kawara-no-hashi' }

  it('normalises and accepts a good form (the checkbox as a form sends it)', () => {
    expect(registerInput.parse({ ...base, randomSuffix: 'on' })).toEqual({
      companyName: '青空建設',
      subdomain: 'aozora-kensetsu',
      randomSuffix: true,
      ownerName: '青空 一郎',
      email: 'owner@aozora.jp',
      password: 'kawara-no-hashi',
    })
    expect(registerInput.parse(base).randomSuffix).toBe(false)
  })

  it('names each subdomain problem with its message key', () => {
    const key = (v: string) => subdomainSchema.safeParse(v).error?.issues[0]?.message
    expect(key('ab')).toBe('subdomainTooShort')
    expect(key('a'.repeat(64))).toBe('subdomainTooLong')
    expect(key('a_b')).toBe('subdomainCharacters')
    expect(key('-ab')).toBe('subdomainHyphen')
    expect(key('admin')).toBe('subdomainReserved')
    expect(key('a-kensetsu')).toBeUndefined()
  })

  it('refuses a common password', () => {
    expect(registerInput.safeParse({ ...base, password: 'password1' }).error?.issues[0]?.message).toBe('passwordCommon')
  })
})

describe('random suffix (seed 004 §4.5)', () => {
  it('is four characters that are easy to read, appended within 63 characters', () => {
    expect(randomSuffix()).toMatch(/^[a-z2-9]{4}$/)
    expect(withSuffix('a-kensetsu', 'x7k2')).toBe('a-kensetsu-x7k2')
    const long = withSuffix('a'.repeat(60) + '-bb', 'x7k2')
    expect(long.length).toBeLessThanOrEqual(63)
    expect(long).toMatch(/^a+-x7k2$/)
  })
})

describe('join and code input', () => {
  it('takes a new account or an existing one', () => {
    expect(joinInput.parse({ mode: 'existing', token: 't'.repeat(43), password: 'x' })).toMatchObject({ mode: 'existing' })
    expect(joinInput.safeParse({ mode: 'new', token: 't'.repeat(43), name: '', password: 'kawara-no-hashi' }).success).toBe(false)
  })

  it('accepts 6 digits or a recovery code, ignoring spaces and case', () => {
    expect(secondFactorInput.parse({ code: ' 123 456 ' }).code).toBe('123456')
    expect(secondFactorInput.parse({ code: 'ABCDE-FGH23' }).code).toBe('abcde-fgh23')
    expect(secondFactorInput.safeParse({ code: '12345' }).success).toBe(false)
  })
})

describe('mail templates', () => {
  it('write the invitation in the reader’s language with the role and the link', () => {
    const ja = invitationMail({ locale: 'ja', to: 'a@example.jp', company: 'デモ建設', inviter: '山田', role: 'leader', url: 'http://demo.localhost:3000/join?token=abc' })
    expect(ja.subject).toBe('デモ建設 の Genba に招待されました')
    expect(ja.text).toContain('「現場リーダー」')
    expect(ja.text).toContain('http://demo.localhost:3000/join?token=abc')
    const en = passwordResetMail({ locale: 'en', to: 'a@example.jp', company: 'Demo', url: 'http://x/reset' })
    expect(en.subject).toBe('Reset your Genba password for Demo')
    expect(en.text).toContain('30 minutes')
  })

  it('route: SMTP when configured, the outbox only in development', () => {
    expect(mailRoute({ SMTP_URL: 'smtp://localhost:25', NODE_ENV: 'production' })).toBe('smtp')
    expect(mailRoute({ SMTP_URL: undefined, NODE_ENV: 'development' })).toBe('outbox')
    expect(mailRoute({ SMTP_URL: undefined, NODE_ENV: 'test' })).toBe('dropped')
  })
})

describe('rate limit keys and limits', () => {
  it('hash what they name, so the counters hold no addresses', () => {
    const key = limitKey('org', 'owner@demo.genba.test', '203.0.113.1')
    expect(key).toHaveLength(32)
    expect(key).not.toContain('owner')
    expect(limitKey('org', 'a', null)).not.toBe(limitKey('org', 'a', '1.2.3.4'))
  })

  it('sign-in allows 5 failures per 10 minutes (seed 004 §4.4)', () => {
    expect(limits.signIn).toEqual({ points: 5, duration: 600 })
  })
})
