import 'server-only'
import { headers } from 'next/headers'
import { notFound } from 'next/navigation'
import { cache } from 'react'
import { withAnonymous } from '../db'
import { env } from '../env'
import { NO_TENANT, routeForHost } from './host'
import { tenantBySubdomain, type PublicTenant } from './queries'
import { TENANT_CACHE_MS, TtlCache } from './ttl-cache'

/**
 * Live companies by subdomain, kept for a few seconds in this process: every request of a company host needs
 * its company, and a lookup is a transaction of its own. Safe because the company's liveness is checked again
 * wherever it matters: `app.session_member` refuses a session of a suspended company at once, and RLS reads
 * `app.org_id()` from live memberships. What the few seconds can delay: a suspended company's sign-in page
 * still showing, a renamed company's name, a changed plan. Unknown subdomains are never kept (a company just
 * signed up is there at once).
 */
const live = new TtlCache<PublicTenant>(TENANT_CACHE_MS)

/** The company this request's Host header names, if it is live. Server actions use this (they have no params). */
export const tenantFromHost = cache(async (): Promise<PublicTenant | null> => {
  const route = routeForHost((await headers()).get('host'), env().APP_DOMAIN)
  if (route.kind !== 'tenant' || route.subdomain === NO_TENANT) return null
  const kept = live.get(route.subdomain)
  if (kept) return kept
  const tenant = await withAnonymous((tx) => tenantBySubdomain(tx, route.subdomain))
  if (tenant) live.set(route.subdomain, tenant)
  return tenant
})

/**
 * The company for a page, re-derived from the Host header (never from the path alone):
 * null when the host and the rewritten path disagree or the company is unknown or suspended.
 */
export const currentTenant = cache(async (pathParam: string): Promise<PublicTenant | null> => {
  const route = routeForHost((await headers()).get('host'), env().APP_DOMAIN)
  if (route.kind !== 'tenant' || route.subdomain !== pathParam || pathParam === NO_TENANT) return null
  return tenantFromHost()
})

/** For pages: the company, or the "company not found" 404 (app/t/[tenant]/not-found.tsx). */
export async function requireTenant(params: Promise<{ tenant: string }>): Promise<PublicTenant> {
  const tenant = await currentTenant((await params).tenant)
  if (!tenant) notFound()
  return tenant
}

