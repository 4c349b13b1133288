import { defineConfig } from 'drizzle-kit'

// drizzle-kit only generates SQL here; the app's own migrator applies it (lib/db/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/db/schema/index.ts',
  out: './supabase/migrations',
  migrations: { prefix: 'supabase' },
  entities: { roles: { provider: 'supabase' } },
})
