import type { SeedMember } from '@/lib/db/seed'

export const TEMPLATE_DB = 'genba_test_template'

export interface TemplateCompany {
  id: string
  subdomain: string
  members: (SeedMember & { userId: string })[]
}

export type DbTemplate =
  | { kind: 'pglite'; dump: string; companies: TemplateCompany[] }
  | { kind: 'postgres'; adminUrl: string; appUrl: string; companies: TemplateCompany[] }

/** The same server and credentials, another database. */
export function databaseUrl(url: string, database: string) {
  const u = new URL(url)
  u.pathname = '/' + database
  return u.toString()
}
