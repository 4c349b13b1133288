import { describe, expect, it, vi } from 'vitest'
import { cacheSeconds, companyCached, forgetCompany } from '@/lib/dashboard/cache'

describe('the dashboard figures cache', () => {
  it('loads once per company and key within the TTL, and concurrent callers share the load', async () => {
    const load = vi.fn(async () => ({ n: Math.random() }))
    const [a, b] = await Promise.all([companyCached('org-a', 'k', load, 60), companyCached('org-a', 'k', load, 60)])
    expect(a).toBe(b)
    expect(load).toHaveBeenCalledTimes(1)
    const other = await companyCached('org-b', 'k', load, 60)
    expect(other).not.toBe(a)
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('loads again after forgetCompany, after the TTL, and always when the TTL is 0', async () => {
    vi.useFakeTimers()
    try {
      const load = vi.fn(async () => 1)
      await companyCached('org-c', 'k', load, 5)
      forgetCompany('org-c')
      await companyCached('org-c', 'k', load, 5)
      expect(load).toHaveBeenCalledTimes(2)
      vi.advanceTimersByTime(6000)
      await companyCached('org-c', 'k', load, 5)
      expect(load).toHaveBeenCalledTimes(3)
      await companyCached('org-c', 'k', load, 0)
      await companyCached('org-c', 'k', load, 0)
      expect(load).toHaveBeenCalledTimes(5)
    } finally {
      vi.useRealTimers()
    }
  })

  it('does not keep a failed load', async () => {
    let calls = 0
    const load = async () => {
      calls++
      if (calls === 1) throw new Error('database down')
      return 'ok'
    }
    await expect(companyCached('org-d', 'k', load, 60)).rejects.toThrow('database down')
    await new Promise((r) => setTimeout(r, 0))
    expect(await companyCached('org-d', 'k', load, 60)).toBe('ok')
  })

  it('keeps at most 1000 entries, dropping the oldest', async () => {
    const first = vi.fn(async () => 'first')
    await companyCached('org-old', 'k', first, 60)
    for (let i = 0; i < 1000; i++) await companyCached(`org-${i}`, 'k', async () => i, 60)
    await companyCached('org-old', 'k', first, 60)
    expect(first).toHaveBeenCalledTimes(2)
  })

  it('reads its TTL from DASHBOARD_CACHE_SECONDS (default 20)', () => {
    expect(cacheSeconds()).toBe(20)
  })
})
