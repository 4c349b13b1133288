import { describe, expect, it } from 'vitest'
import { sessionCookie } from '@/lib/auth/config'

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
