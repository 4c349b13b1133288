import { describe, expect, it } from 'vitest'
import { assignableRoles, atLeast } from '@/lib/auth/roles'

describe('roles', () => {
  it('orders owner > admin > leader > staff > viewer', () => {
    expect(atLeast('owner', 'admin')).toBe(true)
    expect(atLeast('admin', 'admin')).toBe(true)
    expect(atLeast('leader', 'admin')).toBe(false)
    expect(atLeast('staff', 'leader')).toBe(false)
    expect(atLeast('viewer', 'viewer')).toBe(true)
  })

  it('lets managers assign only roles up to their own, and never owner', () => {
    expect(assignableRoles('owner')).toEqual(['admin', 'leader', 'staff', 'viewer'])
    expect(assignableRoles('admin')).toEqual(['admin', 'leader', 'staff', 'viewer'])
    expect(assignableRoles('leader')).toEqual([])
    expect(assignableRoles('viewer')).toEqual([])
  })
})
