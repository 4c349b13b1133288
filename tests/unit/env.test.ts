import { describe, expect, it } from 'vitest'
import { EnvError, parseEnv, urlScheme } from '@/lib/env'

describe('parseEnv', () => {
  it('runs on the embedded database with no variables at all', () => {
    const e = parseEnv({})
    expect(e.APP_DOMAIN).toBe('localhost:3000')
    expect(e.DATABASE_URL).toBeUndefined()
    expect(e.DATA_DIR).toBe('.data')
    expect(e.SEED_DEMO).toBe('true')
  })

  it('treats empty strings as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', APP_DOMAIN: '' }).APP_DOMAIN).toBe('localhost:3000')
  })

  it('names every bad variable', () => {
    try {
      parseEnv({ APP_DOMAIN: 'https://genba.jp/', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError)
      const e = error as EnvError
      expect(e.issues.map((i) => i.variable).sort()).toEqual(['APP_DOMAIN', 'DATABASE_URL', 'LOG_LEVEL'])
      expect(e.message).toContain('APP_DOMAIN')
    }
  })

  it('uses http only for local domains', () => {
    expect(urlScheme(parseEnv({ APP_DOMAIN: 'localhost:3000' }))).toBe('http')
    expect(urlScheme(parseEnv({ APP_DOMAIN: 'genba.jp' }))).toBe('https')
    expect(urlScheme(parseEnv({ APP_DOMAIN: 'genba.jp', APP_URL_SCHEME: 'http' }))).toBe('http')
  })
})
