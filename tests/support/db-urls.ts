import type { SeedMember } from '@/lib/db/seed'


export interface TemplateCompany {
  id: string
  subdomain: string
  members: (SeedMember & { userId: string })[]
}

export type DbTemplate =
  | { kind: 'pglite'; dump: string; companies: TemplateCompany[] }
  | { kind: 'postgres'; adminUrl: string; appUrl: string; run: string; companies: TemplateCompany[] }

/** The same server and credentials, another database. */
export function databaseUrl(url: string, database: string) {
  const u = new URL(url)
  u.pathname = '/' + database
  return u.toString()
}

/** Databases of one test run share a prefix, so parallel runs (other checkouts) never touch each other's. */
export const templateDb = (run: string) => `genba_t_${run}_template`
export const copyDb = (run: string, suffix: string) => `genba_t_${run}_${suffix}`
