import { NextResponse, type NextRequest } from 'next/server'
import { getTranslations } from 'next-intl/server'
import { sessionCookie } from '@/lib/auth/config'
import { redeemHandoff } from '@/lib/auth/flows'
import { requestInfo } from '@/lib/http/request'
import { hitLimit, limitKey } from '@/lib/rate-limit'
import { tenantFromHost } from '@/lib/tenancy/current'

// GET /auth/handoff?token=… — exchanges a single-use handoff token (sign-up, company switcher) for a session cookie on this host.
export async function GET(request: NextRequest) {
  const [tenant, info] = await Promise.all([tenantFromHost(), requestInfo()])
  const limited = await hitLimit('handoff', limitKey('handoff', info.ip))
  if (limited) {
    const t = await getTranslations('errors')
    const minutes = Math.max(1, Math.ceil(limited.retryAfter / 60))
    return NextResponse.json({ code: 'RATE_LIMITED', message: t('RATE_LIMITED', { minutes }) }, { status: 429, headers: { 'Retry-After': String(limited.retryAfter) } })
  }
  const token = request.nextUrl.searchParams.get('token') ?? ''
  const session = tenant && token.length <= 100 ? await redeemHandoff(tenant, token, info) : null
  // Relative Location: the browser stays on the host it asked (the internal URL names /t/<tenant>/…).
  const response = new NextResponse(null, { status: 303, headers: { Location: session ? '/' : '/login?handoff=expired', 'Cache-Control': 'no-store' } })
  if (session) {
    const cookie = sessionCookie()
    response.cookies.set(cookie.name, session.token, { ...cookie.options, expires: session.expiresAt })
  }
  return response
}
