import { and, eq, isNull, sql } from 'drizzle-orm'
import { attempt } from '../db-errors'
import { currentOrg } from '../tenant-sql'
import { rows } from '../db/sql'
import { locations, toolMovements, toolStock, tools } from '../db/schema'
import type { MovementType } from '../db/schema/movements'
import type { Tx } from '../db/types'
import { fail, ok, parseInput, type Failure, type Result } from '../result'
import { moveInput, type MoveInput } from './schemas'

export interface AppliedMove {
  movementId: string
  toolId: string
  toolCode: string
  action: MovementType
  fromLocationId: string | null
  toLocationId: string | null
  holderId: string | null
  quantity: number
  movedAt: string
}

export interface MoveOptions {
  /** The member making the move (from the session, never from the request). */
  userId: string
  source?: 'scan' | 'manual' | 'batch' | 'offline' | 'import' | 'seed'
  batchId?: string
  now?: Date
}

/** Joined when a move names no place (consume): matches nothing. */
const NO_PLACE = '00000000-0000-0000-0000-000000000000'

/** A device clock a little ahead is believed; further ahead, the server's time is used. */
const CLOCK_SKEW_MS = 5 * 60 * 1000

function moveTime(requested: string | undefined, now: Date): Date {
  if (!requested) return now
  const at = new Date(requested)
  return at.getTime() > now.getTime() + CLOCK_SKEW_MS ? now : at
}

/** Takes `qty` units of a quantity tool from `from` (home = tools.current_quantity, else tool_stock); false if short. */
async function take(tx: Tx, tool: { id: string; home: string | null }, from: string, qty: number): Promise<boolean> {
  if (from === tool.home) {
    const done = await tx
      .update(tools)
      .set({ currentQuantity: sql`${tools.currentQuantity} - ${qty}` })
      .where(and(eq(tools.id, tool.id), sql`${tools.currentQuantity} >= ${qty}`))
      .returning({ id: tools.id })
    return done.length === 1
  }
  const done = await tx
    .update(toolStock)
    .set({ quantity: sql`${toolStock.quantity} - ${qty}` })
    .where(and(eq(toolStock.toolId, tool.id), eq(toolStock.locationId, from), sql`${toolStock.quantity} >= ${qty}`))
    .returning({ id: toolStock.id })
  await tx.delete(toolStock).where(and(eq(toolStock.toolId, tool.id), eq(toolStock.quantity, 0)))
  return done.length === 1
}

async function put(tx: Tx, tool: { id: string; home: string | null }, to: string, qty: number) {
  if (to === tool.home) {
    await tx
      .update(tools)
      .set({ currentQuantity: sql`${tools.currentQuantity} + ${qty}` })
      .where(eq(tools.id, tool.id))
    return
  }
  await tx
    .insert(toolStock)
    .values({ organizationId: currentOrg(), toolId: tool.id, locationId: to, quantity: qty })
    .onConflictDoUpdate({ target: [toolStock.organizationId, toolStock.toolId, toolStock.locationId], set: { quantity: sql`${toolStock.quantity} + ${qty}` } })
}

/** Units of a quantity tool away from home, per location. */
async function awayStock(tx: Tx, toolId: string) {
  return tx.select({ locationId: toolStock.locationId, quantity: toolStock.quantity }).from(toolStock).where(eq(toolStock.toolId, toolId))
}

/**
 * Applies one move (tenant tx): the movement row and the tool's place, holder, quantity and last move time
 * change together. Refusals come back as codes: TOOL_NOT_FOUND (unknown, deleted, another company's),
 * TOOL_DISPOSED, MOVED_LATER (the tool was moved after this device's move), LOCATION_NOT_FOUND,
 * LOCATION_CLOSED, SITE_REQUIRED, WAREHOUSE_REQUIRED, ALREADY_THERE, FROM_REQUIRED, INSUFFICIENT_QUANTITY.
 */
export async function applyMove(tx: Tx, input: MoveInput, options: MoveOptions): Promise<Result<AppliedMove>> {
  const parsed = parseInput(moveInput, input)
  if (!parsed.ok) return parsed
  try {
    // A savepoint: a refused move leaves nothing behind, and the surrounding batch goes on.
    return await attempt(tx, async (sp) => {
      const result = await applyParsed(sp, parsed.data, options)
      if (!result.ok) throw new Refused(result)
      return result.data
    })
  } catch (error) {
    if (error instanceof Refused) return error.failure
    throw error
  }
}

class Refused extends Error {
  constructor(readonly failure: Failure) {
    super(failure.error.code)
  }
}

async function applyParsed(tx: Tx, item: MoveInput, options: MoveOptions): Promise<Result<AppliedMove>> {
  const now = options.now ?? new Date()
  // The tool (locked) and the target place in one round trip: the place is joined, only the tool row is locked.
  const [row] = await tx
    .select({
      id: tools.id,
      code: tools.toolCode,
      status: tools.status,
      type: tools.managementType,
      home: tools.currentLocationId,
      homeQuantity: tools.currentQuantity,
      holder: tools.currentHolderId,
      lastMovedAt: tools.lastMovedAt,
      loc: { id: locations.id, type: locations.type, isActive: locations.isActive, closedAt: locations.closedAt },
    })
    .from(tools)
    .leftJoin(
      locations,
      and(eq(locations.organizationId, tools.organizationId), eq(locations.id, item.toLocationId ?? NO_PLACE), isNull(locations.deletedAt)),
    )
    .where(and(eq(tools.id, item.toolId), isNull(tools.deletedAt)))
    .for('update', { of: tools })
  if (!row) {
    // Rows a member may not update are invisible to FOR UPDATE: tell a viewer why, everyone else "not found".
    const [may] = await rows<{ may: boolean }>(tx, sql`select app.has_role('owner', 'admin', 'leader', 'staff') as may`)
    return fail(may?.may ? 'TOOL_NOT_FOUND' : 'FORBIDDEN')
  }
  const { loc, ...tool } = row
  if (tool.status === 'disposed') return fail('TOOL_DISPOSED')
  const movedAt = moveTime(item.movedAt, now)

  let target: { id: string; type: 'warehouse' | 'site' } | null = null
  if (item.action !== 'consume') {
    if (!item.toLocationId) return fail('VALIDATION', { fields: { toLocationId: 'REQUIRED' } })
    if (!loc) return fail('LOCATION_NOT_FOUND')
    if (!loc.isActive || loc.closedAt) return fail('LOCATION_CLOSED')
    if (item.action === 'checkout' && loc.type !== 'site') return fail('SITE_REQUIRED')
    if (item.action === 'checkin' && loc.type !== 'warehouse') return fail('WAREHOUSE_REQUIRED')
    target = { id: loc.id, type: loc.type }
  }

  let from: string | null
  let quantity: number
  let holderId: string | null
  if (tool.type === 'individual') {
    if (item.action === 'consume') return fail('VALIDATION', { fields: { action: 'INVALID_CHOICE' } })
    // An offline move older than the tool's latest move no longer describes where it is.
    if (tool.lastMovedAt && movedAt.getTime() < tool.lastMovedAt.getTime()) {
      return fail('MOVED_LATER', { details: { lastMovedAt: tool.lastMovedAt.toISOString() } })
    }
    if (target!.id === tool.home) return fail('ALREADY_THERE')
    from = tool.home
    quantity = 1
    holderId = item.action === 'checkin' ? null : (item.holderId ?? options.userId)
    await tx
      .update(tools)
      .set({ currentLocationId: target!.id, currentHolderId: holderId, lastMovedAt: movedAt })
      .where(eq(tools.id, tool.id))
  } else {
    quantity = item.quantity ?? 1
    holderId = item.action === 'checkin' || item.action === 'consume' ? null : (item.holderId ?? options.userId)
    from = item.fromLocationId ?? null
    if (!from) {
      if (item.action === 'checkout') from = tool.home
      else {
        const away = (await awayStock(tx, tool.id)).filter((s) => s.locationId !== target?.id)
        if (away.length !== 1) return fail('FROM_REQUIRED', { details: { locations: away } })
        from = away[0]!.locationId
      }
    }
    if (!from || from === target?.id) return fail('ALREADY_THERE')
    if (!(await take(tx, { id: tool.id, home: tool.home }, from, quantity))) {
      // The tool row is locked, so the units at home are exact; the phone shows the number in its error.
      const available = from === tool.home ? (tool.homeQuantity ?? 0) : ((await awayStock(tx, tool.id)).find((s) => s.locationId === from)?.quantity ?? 0)
      return fail('INSUFFICIENT_QUANTITY', { details: { available } })
    }
    if (target) await put(tx, { id: tool.id, home: tool.home }, target.id, quantity)
    await tx
      .update(tools)
      .set({ lastMovedAt: sql`greatest(${tools.lastMovedAt}, ${movedAt.toISOString()}::timestamptz)` })
      .where(eq(tools.id, tool.id))
  }

  const [movement] = await tx
    .insert(toolMovements)
    .values({
      organizationId: currentOrg(),
      toolId: tool.id,
      userId: options.userId,
      holderId,
      fromLocationId: from,
      toLocationId: target?.id ?? null,
      movementType: item.action,
      quantity,
      note: item.note ?? null,
      movedAt,
      clientId: item.clientId ?? null,
      batchId: options.batchId ?? null,
      source: options.source ?? 'scan',
    })
    .returning({ id: toolMovements.id })
  return ok({
    movementId: movement!.id,
    toolId: tool.id,
    toolCode: tool.code,
    action: item.action,
    fromLocationId: from,
    toLocationId: target?.id ?? null,
    holderId,
    quantity,
    movedAt: movedAt.toISOString(),
  })
}

export type ItemResult = { index: number; result: Result<AppliedMove> }

/**
 * Batch mode: many moves at once, applied in device-time order, each on its own (a refused one does not
 * stop the others). Results come back in the order given.
 */
export async function applyMoves(tx: Tx, items: MoveInput[], options: MoveOptions): Promise<ItemResult[]> {
  const order = items.map((item, index) => ({ item, index })).sort((a, b) => byDeviceTime(a.item, b.item) || a.index - b.index)
  const results: ItemResult[] = []
  for (const { item, index } of order) results.push({ index, result: await applyMove(tx, item, options) })
  return results.sort((a, b) => a.index - b.index)
}

/** Device-time order: by the instant, whatever offset each time was written with (a move without one first). */
export const byDeviceTime = (a: Pick<MoveInput, 'movedAt'>, b: Pick<MoveInput, 'movedAt'>) => (a.movedAt ? Date.parse(a.movedAt) : 0) - (b.movedAt ? Date.parse(b.movedAt) : 0)
