import 'server-only'
import { headers } from 'next/headers'
import type { RequestInfo } from '../db'

/** Who is calling, for the audit trail: client IP (first proxy hop), user agent, request id. */
export async function requestInfo(): Promise<RequestInfo> {
  const h = await headers()
  const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim()
  const ip = forwarded || h.get('x-real-ip') || null
  return {
    ip: ip && /^[0-9a-fA-F.:]+$/.test(ip) ? ip : null,
    userAgent: h.get('user-agent'),
    requestId: h.get('x-request-id'),
  }
}
