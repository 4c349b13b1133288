import { sql } from 'drizzle-orm'
import { allAlerts } from '../alerts/queries'
import { withSystem, withTenant } from '../db'
import { rows } from '../db/sql'
import type { Role } from '../db/schema/helpers'
import { env as readEnv, type Env } from '../env'
import { isLocale } from '../i18n/locale'
import { logger } from '../log'
import { getManagementSettings } from '../maintenance/settings'
import { mailRoute, sendMail } from '../mail/send'
import { tenantUrl } from '../urls'
import { todayIso } from '../validation'
import { digestMail } from './mail'
import { defaultPreferences, digestTopics, type NotificationTopic } from './preferences'

interface Recipient {
  organizationId: string
  company: string
  subdomain: string
  userId: string
  role: Role
  email: string
  name: string
  locale: string | null
  /** Saved choices: topic → email on/off. */
  saved: Record<string, boolean> | null
}

export interface DigestRun {
  recipients: number
  sent: number
  /** Recipients with nothing to report in the topics they chose. */
  empty: number
  failed: number
  /** Why nothing was sent at all (no mail route). */
  skipped?: 'no-mail-route'
}

/**
 * The daily digest (call it each morning: `npm run jobs:daily`, or a scheduler): every active member of every
 * active company who chose any alert topic by mail gets one mail with what is short, overdue, unreturned or in
 * repair. Recipients are found on a named privileged path; each member's alerts are read in their own tenant
 * context, so a mail never shows more than that member would see on the dashboard.
 */
export async function runDailyDigest(options: { now?: Date; env?: Env; subdomains?: string[] } = {}): Promise<DigestRun> {
  const e = options.env ?? readEnv()
  if (mailRoute(e) === 'dropped') {
    logger.warn('daily digest not sent: SMTP_URL is not set')
    return { recipients: 0, sent: 0, empty: 0, failed: 0, skipped: 'no-mail-route' }
  }
  const today = todayIso(options.now)
  const candidates = await withSystem('daily digest: recipients', (tx) =>
    rows<Recipient>(
      tx,
      sql`select o.id as "organizationId", o.name as company, o.subdomain, m.user_id as "userId", m.role, u.email, u.name, u.locale,
            (select jsonb_object_agg(p.topic, p.email) from notification_preferences p where p.organization_id = o.id and p.user_id = m.user_id) as saved
          from organizations o
          join memberships m on m.organization_id = o.id and m.is_active
          join users u on u.id = m.user_id and u.deleted_at is null
          where o.kind = 'tenant' and o.is_active and o.suspended_at is null and o.deleted_at is null
            ${options.subdomains ? sql`and o.subdomain in (${sql.join(options.subdomains.map((s) => sql`${s}`), sql`, `)})` : sql``}
          order by o.subdomain, u.email`,
    ),
  )
  const run: DigestRun = { recipients: 0, sent: 0, empty: 0, failed: 0 }
  for (const r of candidates) {
    const defaults = defaultPreferences(r.role)
    const topics = digestTopics.filter((t) => r.saved?.[t] ?? defaults[t].email) as NotificationTopic[]
    if (!topics.length) continue
    run.recipients++
    const ownToolsOnly = r.role === 'staff' || r.role === 'viewer'
    const ctx = { userId: r.userId, organizationId: r.organizationId, role: r.role }
    const { alerts, settings } = await withTenant(ctx, async (tx) => {
      const settings = await getManagementSettings(tx)
      return { settings, alerts: await allAlerts(tx, { today, settings, holderId: ownToolsOnly ? r.userId : undefined }) }
    })
    const mail = digestMail({
      locale: isLocale(r.locale) ? r.locale : 'ja',
      to: r.email,
      name: r.name,
      company: r.company,
      today,
      topics,
      alerts,
      settings,
      ownToolsOnly,
      url: (path) => tenantUrl(r.subdomain, path),
    })
    if (!mail) {
      run.empty++
      continue
    }
    if ((await sendMail(mail, e)) === 'dropped') run.failed++
    else run.sent++
  }
  logger.info({ ...run }, 'daily digest')
  return run
}
