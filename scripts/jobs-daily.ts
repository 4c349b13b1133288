// npm run jobs:daily (tsx --conditions=react-server: the domain modules are server-only) — the morning jobs, for cron or any scheduler (once a day, early morning Japan time):
// the alert digest by mail (SMTP_URL), then the trash purge. Uses DATABASE_URL or the embedded database.
import { getDb } from '../lib/db'
import { runDailyDigest } from '../lib/notifications/digest'
import { runTrashPurge } from '../lib/tools/purge-job'

process.env.SEED_DEMO = 'false'
const db = await getDb()
try {
  const digest = await runDailyDigest()
  console.log(`digest: ${digest.sent} sent, ${digest.empty} with nothing to report, ${digest.failed} failed${digest.skipped ? ` (skipped: ${digest.skipped})` : ''}`)
  const purge = await runTrashPurge()
  console.log(`trash purge: ${purge.count} tools, ${purge.files} files removed`)
} finally {
  await db.close()
}
