import { describe, expect, it } from 'vitest'
import { apiError } from '@/lib/http/errors'

describe('apiError', () => {
  it('answers { code, message } with the status, never cached', async () => {
    const res = apiError(404, 'TOOL_NOT_FOUND', 'このQRコードは登録されていません')
    expect(res.status).toBe(404)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.json()).toEqual({ code: 'TOOL_NOT_FOUND', message: 'このQRコードは登録されていません' })
  })

  it('adds details and extra headers when given', async () => {
    const res = apiError(429, 'RATE_LIMITED', 'wait', { retryAfter: 30 }, { 'Retry-After': '30' })
    expect(res.headers.get('retry-after')).toBe('30')
    expect(await res.json()).toEqual({ code: 'RATE_LIMITED', message: 'wait', details: { retryAfter: 30 } })
  })
})
