import { sql } from 'drizzle-orm'

/** The company of the running withTenant transaction, for the organization_id of new rows (RLS checks it again). */
export const currentOrg = () => sql<string>`(select app.org_id())`
/** The signed-in user of the running withTenant transaction. */
export const currentUser = () => sql<string>`(select app.user_id())`
