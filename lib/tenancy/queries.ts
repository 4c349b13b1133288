import { sql } from 'drizzle-orm'
import { rows } from '../db/sql'
import type { Tx } from '../db/types'

export interface PublicTenant {
  id: string
  name: string
  subdomain: string
  plan: string
}

/** A live company by subdomain; unknown, suspended and deleted companies all give null. */
export async function tenantBySubdomain(tx: Tx, subdomain: string): Promise<PublicTenant | null> {
  const found = await rows<PublicTenant>(tx, sql`select id, name, subdomain, plan from app.tenant_by_subdomain(${subdomain})`)
  return found[0] ?? null
}
