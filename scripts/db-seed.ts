// npm run db:seed — the demo companies (embedded database, or DATABASE_URL), then the logins to try.
import { getDb } from '../lib/db'
import { demoCompanies, seedIfEmpty } from '../lib/db/seed'
import { tenantUrl, adminUrl } from '../lib/urls'

process.env.SEED_DEMO = 'false' // seed explicitly below, also on Postgres
const db = await getDb()
try {
  const seeded = await seedIfEmpty(db)
  console.log(seeded ? `Seeded ${seeded.length} companies.` : 'The database already has companies; nothing seeded.')
  console.log('\nDemo logins:')
  for (const c of demoCompanies) {
    console.log(`\n${c.name}  ${c.kind === 'operator' ? adminUrl('/') : tenantUrl(c.subdomain, '/login')}`)
    for (const m of c.members) console.log(`  ${m.role.padEnd(7)} ${m.email.padEnd(32)} ${m.name}`)
  }
} finally {
  await db.close()
}
