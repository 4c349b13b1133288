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
