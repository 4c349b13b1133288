import { isTenantSubdomain } from './subdomain'

/** Where a Host header sends a request. */
export type HostRoute = { kind: 'site' } | { kind: 'admin' } | { kind: 'tenant'; subdomain: string }

/** The path segment that no company can have: rewritten requests for unusable subdomains land on its 404. */
export const NO_TENANT = '_'

const hostname = (value: string) => value.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '')

/**
 * Routes by host name (ports ignored): the apex and www serve the site, admin. the operator console,
 * any other single label a company. Reserved or malformed labels become a company nobody has, so they
 * get the same "company not found" page as unknown ones. Foreign hosts (an IP, a health checker) get the site.
 */
export function routeForHost(host: string | null | undefined, appDomain: string): HostRoute {
  const apex = hostname(appDomain)
  const name = hostname(host ?? '')
  if (name === apex || name === `www.${apex}`) return { kind: 'site' }
  if (!name.endsWith(`.${apex}`)) return { kind: 'site' }
  const label = name.slice(0, -apex.length - 1)
  if (label === 'admin') return { kind: 'admin' }
  if (label.includes('.') || !isTenantSubdomain(label)) return { kind: 'tenant', subdomain: NO_TENANT }
  return { kind: 'tenant', subdomain: label }
}

const internalPrefix = /^\/(t|admin)(\/|$)/

/** Paths every host serves as they are (health checks). */
const sharedPaths = new Set(['/api/health'])

/**
 * The internal path a request is rewritten to, or null when it must get a 404.
 * /t/* and /admin/* are never reachable by their internal names from any host.
 */
export function internalPath(route: HostRoute, pathname: string): string | null {
  if (sharedPaths.has(pathname)) return pathname
  if (internalPrefix.test(pathname)) return null
  const rest = pathname === '/' ? '' : pathname
  switch (route.kind) {
    case 'site':
      return pathname
    case 'admin':
      return `/admin${rest}`
    case 'tenant':
      return `/t/${route.subdomain}${rest}`
  }
}
