import { env, urlScheme } from './env'

/** Absolute URLs on our own hosts, built from APP_DOMAIN (for links across hosts, emails and QR codes). */
export function siteUrl(path = '/') {
  return `${urlScheme()}://${env().APP_DOMAIN}${path}`
}

export function tenantUrl(subdomain: string, path = '/') {
  return `${urlScheme()}://${subdomain}.${env().APP_DOMAIN}${path}`
}

export function adminUrl(path = '/') {
  return `${urlScheme()}://admin.${env().APP_DOMAIN}${path}`
}

/** What a tool's QR label holds (seed 004 §7.1): the company's scan screen with the tool's UUID. */
export function scanUrl(subdomain: string, toolId: string) {
  return tenantUrl(subdomain, `/scan?id=${encodeURIComponent(toolId)}`)
}
