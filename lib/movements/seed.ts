import { and, eq, isNull } from 'drizzle-orm'
import { locations, toolMovements, toolStock, tools } from '../db/schema'
import type { MovementType } from '../db/schema/movements'
import type { CompanySeeder } from '../db/seed'

const DAY = 24 * 60 * 60 * 1000

/** A small deterministic generator, so every fresh demo database tells the same story. */
function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A working-hours moment `days` ago (Japan time, 7:00–18:00). */
function workTime(now: number, days: number, rnd: () => number): Date {
  const d = new Date(now - days * DAY)
  d.setUTCHours(-2 + Math.floor(rnd() * 11), Math.floor(rnd() * 60), 0, 0)
  return d
}

/**
 * A few months of history that ends exactly where the register says each tool is: tools on site went out
 * days or weeks ago (some far too long), tools at home made earlier round trips, and consumables were
 * taken to sites. Written directly (history, not moves made now), then each tool's last move time set.
 */
export const seedMovementHistory: CompanySeeder = async (tx, company) => {
  const rnd = random([...company.subdomain].reduce((h, c) => h * 31 + c.charCodeAt(0), 7))
  const now = Date.now()
  const movers = company.members.filter((m) => m.role === 'leader' || m.role === 'staff' || m.role === 'admin').map((m) => m.userId)
  if (movers.length === 0) return
  const places = await tx.select({ id: locations.id, type: locations.type, isActive: locations.isActive }).from(locations).where(eq(locations.organizationId, company.id))
  const sites = places.filter((p) => p.type === 'site' && p.isActive)
  const warehouses = places.filter((p) => p.type === 'warehouse')
  if (sites.length === 0 || warehouses.length === 0) return
  const register = await tx
    .select({ id: tools.id, type: tools.managementType, at: tools.currentLocationId, holder: tools.currentHolderId, status: tools.status, qty: tools.currentQuantity })
    .from(tools)
    .where(and(eq(tools.organizationId, company.id), isNull(tools.deletedAt)))
    .orderBy(tools.toolCode)
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]!
  const siteIds = new Set(sites.map((s) => s.id))

  const moves: (typeof toolMovements.$inferInsert)[] = []
  const lastMove = new Map<string, Date>()
  const move = (toolId: string, type: MovementType, from: string | null, to: string | null, at: Date, user: string, holder: string | null, quantity = 1) => {
    moves.push({ organizationId: company.id, toolId, userId: user, holderId: holder, fromLocationId: from, toLocationId: to, movementType: type, quantity, movedAt: at, source: 'seed' })
    if (!lastMove.has(toolId) || lastMove.get(toolId)! < at) lastMove.set(toolId, at)
  }

  for (const [i, tool] of register.entries()) {
    if (tool.type === 'quantity') {
      // Consumables: a few deliveries to sites in the last weeks; some still there.
      const home = tool.at!
      const firstConsumable = !register.slice(0, i).some((r) => r.type === 'quantity')
      for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) {
        const site = pick(sites).id
        const qty = 2 + Math.floor(rnd() * 8)
        const out = workTime(now, 5 + Math.floor(rnd() * 60), rnd)
        const user = pick(movers)
        move(tool.id, 'checkout', home, site, out, user, user, qty)
        const back = Math.floor(rnd() * qty)
        if (back > 0 && rnd() < 0.5) move(tool.id, 'checkin', site, home, new Date(Math.min(out.getTime() + (2 + rnd() * 10) * DAY, now - DAY)), user, null, back)
        const left = qty - (moves.at(-1)!.movementType === 'checkin' ? back : 0)
        // The first consumable always leaves some on site, so every company has stock away from home.
        if (!(firstConsumable && k === 0) && rnd() < 0.5) move(tool.id, 'consume', site, null, new Date(Math.min(out.getTime() + (3 + rnd() * 12) * DAY, now - DAY / 2)), user, null, left)
        else
          await tx
            .insert(toolStock)
            .values({ organizationId: company.id, toolId: tool.id, locationId: site, quantity: left })
            .onConflictDoUpdate({ target: [toolStock.organizationId, toolStock.toolId, toolStock.locationId], set: { quantity: left } })
      }
      continue
    }
    if (!tool.at) continue
    const home = warehouses.find((w) => w.id === tool.at)?.id ?? warehouses[0]!.id
    // Earlier round trips over the past three months.
    let t = 95 - Math.floor(rnd() * 10)
    const trips = Math.floor(rnd() * 4)
    for (let k = 0; k < trips && t > 20; k++) {
      const site = pick(sites).id
      const user = pick(movers)
      const out = workTime(now, t, rnd)
      const stay = 1 + Math.floor(rnd() * 12)
      move(tool.id, 'checkout', home, site, out, user, user)
      if (stay >= 4 && rnd() < 0.3) {
        const next = pick(sites).id
        if (next !== site) move(tool.id, 'transfer', site, next, workTime(now, t - Math.ceil(stay / 2), rnd), user, user)
        move(tool.id, 'checkin', next !== site ? next : site, home, workTime(now, t - stay, rnd), user, null)
      } else move(tool.id, 'checkin', site, home, workTime(now, t - stay, rnd), user, null)
      t -= stay + 2 + Math.floor(rnd() * 10)
    }
    if (siteIds.has(tool.at)) {
      // Out now: most for days, every fourth for weeks (the "long unreturned" alert has work to do).
      const days = i % 4 === 0 ? 15 + Math.floor(rnd() * 30) : 1 + Math.floor(rnd() * 6)
      const holder = tool.holder ?? pick(movers)
      move(tool.id, 'checkout', home, tool.at, workTime(now, Math.max(1, Math.min(days, t - 1)), rnd), holder, holder)
    }
  }
  for (let i = 0; i < moves.length; i += 500) await tx.insert(toolMovements).values(moves.slice(i, i + 500))
  for (const [toolId, at] of lastMove) await tx.update(tools).set({ lastMovedAt: at }).where(and(eq(tools.organizationId, company.id), eq(tools.id, toolId)))
}
