import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import ja from '@/messages/ja.json'

// why: next-intl/server reads Next's request scope; here it gets a translator over the real Japanese messages.
vi.mock('next-intl/server', () => ({
  getTranslations: async (namespace: keyof typeof ja) => (key: string, values?: Record<string, unknown>) => {
    const text = (ja[namespace] as Record<string, string>)[key] ?? key
    return text.replace(/\{(\w+)\}/g, (_: string, name: string) => String(values?.[name] ?? ''))
  },
}))
// why: next/headers only works inside a Next request; this records what the code sets.
const jar = new Map<string, { value: string; options: Record<string, unknown> }>()
vi.mock('next/headers', () => ({
  cookies: async () => ({ set: (name: string, value: string, options: Record<string, unknown>) => jar.set(name, { value, options }) }),
}))

const { failWith, invalid, tooMany } = await import('@/lib/http/action-results')
const { CHALLENGE_COOKIE, setChallengeCookie, setSessionCookie } = await import('@/lib/auth/cookie')

describe('action results', () => {
  it('a rate limit says how many minutes to wait and carries Retry-After seconds', async () => {
    expect(await tooMany(542)).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: '試行回数が多すぎます。10分ほど待ってからもう一度お試しください。', retryAfter: 542 } })
    expect((await tooMany(5)).error.message).toContain('1分ほど')
  })

  it('bad input gives one message and one per field, translated', async () => {
    const error = z.object({ email: z.email(), name: z.string().min(1) }).safeParse({ email: 'x', name: '' }).error!
    expect(await invalid(error)).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: '入力内容を確認してください。', fields: { email: 'メールアドレスの形式が正しくありません。', name: '入力してください。' } },
    })
    expect(await failWith('FORBIDDEN')).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'この操作を行う権限がありません。' } })
  })
})

describe('auth cookies', () => {
  it('set the session host-only and HttpOnly, and the two-factor challenge for 10 minutes', async () => {
    const expiresAt = new Date(Date.now() + 60_000)
    await setSessionCookie({ token: 'tok', expiresAt })
    expect(jar.get('genba_session')).toEqual({ value: 'tok', options: { httpOnly: true, sameSite: 'lax', secure: false, path: '/', expires: expiresAt } })
    await setChallengeCookie('challenge')
    expect(jar.get(CHALLENGE_COOKIE)).toMatchObject({ value: 'challenge', options: { httpOnly: true, maxAge: 600 } })
  })
})
