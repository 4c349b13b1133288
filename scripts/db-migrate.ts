// npm run db:migrate — applies supabase/migrations to DATABASE_ADMIN_URL (or DATABASE_URL), or to the embedded database.
import path from 'node:path'
import { openPglite, openPostgres } from '../lib/db/client'
import { migrate } from '../lib/db/migrate'
import { env } from '../lib/env'

const e = env()
const url = e.DATABASE_ADMIN_URL ?? e.DATABASE_URL
const db = url ? await openPostgres({ url, adminUrl: url, max: 1 }) : await openPglite({ dataDir: path.resolve(e.DATA_DIR, 'pglite') })
try {
  const applied = await migrate(db.admin!)
  console.log(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}` : 'Migrations are up to date.')
} finally {
  await db.close()
}
