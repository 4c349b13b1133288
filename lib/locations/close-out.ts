import { and, eq, isNull, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Tx } from '../db'
import { attempt } from '../db-errors'
import { locations } from '../db/schema'
import { rows } from '../db/sql'
import { notify } from '../notifications/commands'
import { preferencesOf } from '../notifications/preferences'
import { fail, ok, parseInput, type Result } from '../result'
import { isoDate, isUuid, nullable, requiredText, todayIso, uuid } from '../validation'
import type { Location } from './queries'

/*
 * Site close-out (現場の撤収): what is still at a job site and with whom, a request to bring it back, and the
 * owner's or admin's forced close with an audited reason. The ordinary close is closeSite (./commands.ts), which
 * refuses while anything is still there.
 */

export interface LeftItem {
  toolId: string
  toolCode: string
  name: string
  managementType: 'individual' | 'quantity'
  /** 1 for an individual tool; the units there for a quantity-managed one. */
  quantity: number
  unit: string | null
  /** Who has it: the holder of an individual tool; for units, whoever brought the latest ones there. */
  holderId: string | null
  holderName: string | null
  /** When it went there (epoch ms), if known. */
  since: number | null
  /** Whole days since then. */
  days: number | null
}

/** Every tool still at a place, with its holder: individual tools standing there and units of quantity tools. */
export async function toolsLeftAt(tx: Tx, locationId: string): Promise<LeftItem[]> {
  return rows<LeftItem>(
    tx,
    sql`select t.id as "toolId", t.tool_code as "toolCode", t.name, t.management_type as "managementType", 1 as quantity, t.unit,
          t.current_holder_id as "holderId", u.name as "holderName", (extract(epoch from t.last_moved_at) * 1000)::float8 as since,
          floor(extract(epoch from now() - t.last_moved_at) / 86400)::int as days
        from tools t left join users u on u.id = t.current_holder_id
        where t.current_location_id = ${locationId} and t.deleted_at is null and t.management_type = 'individual' and t.status <> 'disposed'
        union all
        select t.id, t.tool_code, t.name, t.management_type, s.quantity, t.unit, m.holder_id, u.name, (extract(epoch from m.moved_at) * 1000)::float8,
          floor(extract(epoch from now() - m.moved_at) / 86400)::int
        from tool_stock s
        join tools t on t.organization_id = s.organization_id and t.id = s.tool_id and t.deleted_at is null
        left join lateral (
          select mv.holder_id, mv.moved_at from tool_movements mv
          where mv.organization_id = s.organization_id and mv.tool_id = s.tool_id and mv.to_location_id = s.location_id and mv.deleted_at is null
          order by mv.moved_at desc limit 1
        ) m on true
        left join users u on u.id = m.holder_id
        where s.location_id = ${locationId} and s.quantity > 0
        order by "holderName" nulls last, "toolCode"`,
  )
}

/** The close-out view of a site: the site and everything still there, grouped by holder in the page. */
export async function siteCloseOut(tx: Tx, id: string): Promise<{ site: Location; items: LeftItem[] } | null> {
  if (!isUuid(id)) return null
  const [site] = await tx
    .select()
    .from(locations)
    .where(and(eq(locations.id, id), isNull(locations.deletedAt)))
  if (!site || site.type !== 'site') return null
  return { site, items: await toolsLeftAt(tx, site.id) }
}

export interface Told {
  userId: string
  /** How many tools (lines) they still have there. */
  count: number
  /** Set when they want this by mail too. */
  email: string | null
  name: string
  locale: 'ja' | 'en' | null
}

/** Tells each holder of something still at the site (bell, and mail for those who want it) to bring it back. */
async function tellHolders(tx: Tx, site: Location, items: LeftItem[], kind: 'returnRequested' | 'siteClosed'): Promise<Told[]> {
  const byHolder = new Map<string, number>()
  for (const i of items) if (i.holderId) byHolder.set(i.holderId, (byHolder.get(i.holderId) ?? 0) + 1)
  if (!byHolder.size) return []
  const prefs = await preferencesOf(tx, [...byHolder.keys()])
  const people = await rows<{ id: string; email: string; name: string; locale: 'ja' | 'en' | null }>(
    tx,
    sql`select id, email, name, locale from users where id in (${sql.join([...byHolder.keys()].map((k) => sql`${k}::uuid`), sql`, `)})`,
  )
  const told: Told[] = []
  for (const [userId, count] of byHolder) {
    await notify(tx, [userId], { topic: 'site_closed', kind, params: { site: site.name, count }, link: `/tools?locationId=${site.id}&holderId=${userId}` })
    const person = people.find((p) => p.id === userId)
    const wantsMail = prefs.get(userId)?.preferences.site_closed.email ?? false
    told.push({ userId, count, email: wantsMail && person ? person.email : null, name: person?.name ?? '', locale: person?.locale ?? null })
  }
  return told
}

export const remindInput = z.object({ id: uuid })

/** Asks everyone still holding something at the site to bring it back (anyone who may close it: owners, admins, leaders). */
export async function remindHolders(tx: Tx, input: z.input<typeof remindInput>): Promise<Result<{ site: Location; told: Told[] }>> {
  const parsed = parseInput(remindInput, input)
  if (!parsed.ok) return parsed
  const [may] = await rows<{ may: boolean }>(tx, sql`select app.has_role('owner', 'admin', 'leader') as may`)
  if (!may?.may) return fail('FORBIDDEN')
  const found = await siteCloseOut(tx, parsed.data.id)
  if (!found) return fail('NOT_FOUND')
  return ok({ site: found.site, told: await tellHolders(tx, found.site, found.items, 'returnRequested') })
}

export const forceCloseInput = z.object({ id: uuid, reason: requiredText(500), endsOn: nullable(isoDate) })
export type ForceCloseInput = z.input<typeof forceCloseInput>

/**
 * Closes a site although tools are still there (owners and admins only), with a reason that goes into the audit
 * log: on the row change of the site itself (audit_logs.reason) and in a site.force_closed event listing what was
 * left. Everyone still holding something there is told to bring it back.
 */
export async function forceCloseSite(tx: Tx, input: ForceCloseInput): Promise<Result<{ site: Location; left: LeftItem[]; told: Told[] }>> {
  const parsed = parseInput(forceCloseInput, input)
  if (!parsed.ok) return parsed
  const [may] = await rows<{ may: boolean }>(tx, sql`select app.has_role('owner', 'admin') as may`)
  if (!may?.may) return fail('FORBIDDEN')
  const found = await siteCloseOut(tx, parsed.data.id)
  if (!found) return fail('NOT_FOUND')
  const { site, items } = found
  if (!site.isActive) return fail('SITE_ALREADY_CLOSED')
  const endsOn = parsed.data.endsOn ?? todayIso()
  if (site.startsOn && endsOn < site.startsOn) return fail('VALIDATION', { fields: { endsOn: 'ENDS_BEFORE_START' } })
  // The reason rides along in the request context, so the audit row of the update below carries it.
  await tx.execute(
    sql`select set_config('app.request', (coalesce(nullif(current_setting('app.request', true), '')::jsonb, '{}'::jsonb) || jsonb_build_object('reason', ${parsed.data.reason}::text))::text, true)`,
  )
  const updated = await attempt(tx, (sp) => sp.update(locations).set({ isActive: false, endsOn, closedAt: new Date() }).where(eq(locations.id, site.id)).returning())
  if (!updated.ok) return updated
  const details = {
    reason: parsed.data.reason,
    left: items.map((i) => ({ toolId: i.toolId, toolCode: i.toolCode, quantity: i.quantity, holderId: i.holderId })),
  }
  await tx.execute(sql`select app.log_event('site.force_closed', 'locations', ${site.id}::text, ${JSON.stringify(details)}::jsonb)`)
  await tx.execute(
    sql`select set_config('app.request', (coalesce(nullif(current_setting('app.request', true), '')::jsonb, '{}'::jsonb) - 'reason')::text, true)`,
  )
  const told = await tellHolders(tx, site, items, 'siteClosed')
  return ok({ site: updated.data[0]!, left: items, told })
}
