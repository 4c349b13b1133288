/** Kept in step with app.is_reserved_subdomain() in supabase/migrations (a test compares them). */
export const reservedSubdomains: ReadonlySet<string> = new Set([
  'admin', 'administrator', 'api', 'app', 'apps', 'assets', 'auth', 'billing', 'blog', 'cdn', 'dashboard',
  'demo-admin', 'dev', 'docs', 'email', 'files', 'ftp', 'help', 'imap', 'internal', 'localhost', 'login',
  'mail', 'media', 'mx', 'ns', 'ns1', 'ns2', 'operator', 'pop', 'pop3', 'portal', 'root', 'security',
  'signup', 'smtp', 'static', 'staging', 'status', 'stripe', 'support', 'system', 'test', 'webhook',
  'webhooks', 'webmail', 'www', 'genba',
])

export type SubdomainProblem = 'too_short' | 'too_long' | 'characters' | 'hyphen' | 'reserved'

const allowed = /^[a-z0-9-]+$/

/** Why a subdomain cannot belong to a company, or null when it can (availability aside). */
export function subdomainProblem(value: string): SubdomainProblem | null {
  if (!allowed.test(value)) return 'characters'
  if (value.length < 3) return 'too_short'
  if (value.length > 63) return 'too_long'
  if (value.startsWith('-') || value.endsWith('-') || value.includes('--')) return 'hyphen'
  if (reservedSubdomains.has(value)) return 'reserved'
  return null
}

export const isTenantSubdomain = (value: string) => subdomainProblem(value) === null
