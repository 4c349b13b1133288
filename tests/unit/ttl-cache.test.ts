import { describe, expect, it } from 'vitest'
import { TtlCache } from '@/lib/tenancy/ttl-cache'

describe('TtlCache', () => {
  it('keeps an entry until its time is up, then forgets it', () => {
    let now = 1_000
    const cache = new TtlCache<string>(5_000, 10, () => now)
    cache.set('demo', 'デモ建設')
    now += 4_999
    expect(cache.get('demo')).toBe('デモ建設')
    now += 1
    expect(cache.get('demo')).toBeUndefined()
    expect(cache.get('never')).toBeUndefined()
  })

  it('drops the oldest entry when full, and setting again renews an entry', () => {
    let now = 0
    const cache = new TtlCache<number>(1_000, 2, () => now)
    cache.set('a', 1)
    cache.set('b', 2)
    cache.set('a', 10) // renewed: now the newest
    cache.set('c', 3)
    expect(cache.get('b')).toBeUndefined()
    expect([cache.get('a'), cache.get('c')]).toEqual([10, 3])
    now = 999
    cache.delete('a')
    expect(cache.get('a')).toBeUndefined()
    expect(cache.get('c')).toBe(3)
  })
})
