import { NextResponse, type NextRequest } from 'next/server'
import { env } from './lib/env'
import { internalPath, routeForHost } from './lib/tenancy/host'

const requestIdPattern = /^[A-Za-z0-9._-]{8,64}$/

/** Routes only (STYLE rule 1): host → app/(site), app/admin or app/t/[tenant]; pages re-check everything. */
export function proxy(request: NextRequest) {
  // Next re-fetches a server action's redirect target from itself, carrying the headers set below but
  // not the Host, so it would land on the apex. Refusing it makes Next hand the redirect to the browser,
  // whose request arrives here with the right Host.
  if (request.headers.has('x-genba-path')) return new NextResponse(null, { status: 409 })
  const incoming = request.headers.get('x-request-id')
  const requestId = incoming && requestIdPattern.test(incoming) ? incoming : crypto.randomUUID()
  const route = routeForHost(request.headers.get('host'), env().APP_DOMAIN)
  const target = internalPath(route, request.nextUrl.pathname)

  const headers = new Headers(request.headers)
  headers.set('x-request-id', requestId)
  // The path the browser asked for, so a page can send someone to sign in and back.
  headers.set('x-genba-path', request.nextUrl.pathname + request.nextUrl.search)
  const url = request.nextUrl.clone()
  // A path with no route renders app/not-found.tsx with status 404.
  url.pathname = target ?? '/_not-found'
  const response = NextResponse.rewrite(url, { request: { headers } })
  response.headers.set('x-request-id', requestId)
  return response
}

export const config = {
  matcher: ['/((?!_next/|serwist/|favicon\\.ico|robots\\.txt|icons/|fonts/).*)'],
}
