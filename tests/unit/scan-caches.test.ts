import { describe, expect, it } from 'vitest'
import { forgetMemberCaches, MEMBER_CACHES } from '@/lib/scan/caches'

describe('forgetMemberCaches', () => {
  it('deletes the member caches the service worker fills, and no other', async () => {
    const deleted: string[] = []
    await forgetMemberCaches({ delete: async (name: string) => (deleted.push(name), true) })
    expect(deleted.sort()).toEqual(['pages', 'scan-index'])
    expect(Object.values(MEMBER_CACHES)).not.toContain('manifest')
  })
})
