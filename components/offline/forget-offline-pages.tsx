'use client'

import { useEffect } from 'react'
import { forgetMemberCaches } from '@/lib/scan/caches'

/**
 * Rendered by the sign-in page, which only a signed-out visitor sees: the pages and index kept for offline use
 * belong to whoever was signed in, so they go (again, after the sign-out form's own attempt, in case a response
 * the worker was still storing landed after it).
 */
export function ForgetOfflinePages() {
  useEffect(() => {
    if ('caches' in window) void forgetMemberCaches(caches)
  }, [])
  return null
}
