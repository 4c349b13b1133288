import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import type { Tx } from '../db'
import { locations, memberships, toolAttachments, toolCategories, toolStatuses, toolStock, tools, users } from '../db/schema'
import { signedFileUrl } from '../storage/signing'
import { listMovements, stockAway, recentLocationIds } from '../movements/queries'

const cardColumns = {
  id: tools.id,
  code: tools.toolCode,
  name: tools.name,
  manufacturer: tools.manufacturer,
  modelNumber: tools.modelNumber,
  categoryName: toolCategories.name,
  status: tools.status,
  statusLabel: toolStatuses.label,
  statusColor: toolStatuses.color,
  managementType: tools.managementType,
  unit: tools.unit,
  homeQuantity: tools.currentQuantity,
  minStockAlert: tools.minStockAlert,
  locationId: tools.currentLocationId,
  locationName: locations.name,
  locationType: locations.type,
  holderId: tools.currentHolderId,
  holderName: users.name,
  lastMovedAt: tools.lastMovedAt,
}

function cardQuery(tx: Tx) {
  return tx
    .select(cardColumns)
    .from(tools)
    .innerJoin(toolCategories, and(eq(toolCategories.organizationId, tools.organizationId), eq(toolCategories.id, tools.categoryId)))
    .leftJoin(toolStatuses, and(eq(toolStatuses.organizationId, tools.organizationId), eq(toolStatuses.id, tools.statusId)))
    .leftJoin(locations, and(eq(locations.organizationId, tools.organizationId), eq(locations.id, tools.currentLocationId)))
    .leftJoin(users, eq(users.id, tools.currentHolderId))
}

/**
 * The card the scan screen shows for a scanned label or a typed code. Unknown ids, deleted tools and other
 * companies' tools are all simply null (RLS hides the latter), so nothing tells them apart.
 */
export async function scanCard(tx: Tx, target: { id: string } | { code: string }) {
  const where = 'id' in target ? eq(tools.id, target.id) : eq(tools.toolCode, target.code)
  const [card] = await cardQuery(tx).where(and(where, isNull(tools.deletedAt)))
  if (!card) return null
  const [photo] = await tx
    .select({ key: toolAttachments.thumbnailKey })
    .from(toolAttachments)
    .where(and(eq(toolAttachments.toolId, card.id), eq(toolAttachments.kind, 'photo'), sql`${toolAttachments.thumbnailKey} is not null`))
    .orderBy(asc(toolAttachments.displayOrder))
    .limit(1)
  const away = card.managementType === 'quantity' ? await stockAway(tx, card.id) : []
  const { items: moves } = await listMovements(tx, { tool: card.id, limit: 3 })
  const recentMoves = moves.map((m) => ({
    id: m.id,
    movedAt: m.movedAt.toISOString(),
    type: m.type,
    quantity: m.quantity,
    fromName: m.fromName,
    toName: m.toName,
    userName: m.userName,
  }))
  return { ...card, photoUrl: photo?.key ? signedFileUrl(photo.key) : null, away, recentMoves }
}
export type ScanCard = NonNullable<Awaited<ReturnType<typeof scanCard>>>

export type ScanIndex = Awaited<ReturnType<typeof scanIndex>>
export type ScanIndexTool = ScanIndex['tools'][number]

/**
 * What the scan screen keeps for working offline: every live tool (enough to show a card), the places one
 * can move to (recent ones first), and the members one can hand a tool to.
 */
export async function scanIndex(tx: Tx, userId: string) {
  const [toolRows, places, people, recent, stock] = await Promise.all([
    cardQuery(tx).where(isNull(tools.deletedAt)).orderBy(tools.toolCode),
    tx
      .select({ id: locations.id, name: locations.name, type: locations.type })
      .from(locations)
      .where(and(isNull(locations.deletedAt), eq(locations.isActive, true), isNull(locations.closedAt)))
      .orderBy(locations.type, locations.name),
    tx
      .select({ id: users.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.isActive, true), sql`${memberships.role} <> 'viewer'`))
      .orderBy(users.name),
    recentLocationIds(tx, userId),
    tx
      .select({ toolId: toolStock.toolId, locationId: toolStock.locationId, locationName: locations.name, quantity: toolStock.quantity })
      .from(toolStock)
      .innerJoin(locations, and(eq(locations.organizationId, toolStock.organizationId), eq(locations.id, toolStock.locationId)))
      .where(sql`${toolStock.quantity} > 0`)
      .orderBy(locations.name),
  ])
  const rank = new Map(recent.map((id, i) => [id, i]))
  const away = new Map<string, { locationId: string; locationName: string; quantity: number }[]>()
  for (const { toolId, ...s } of stock) away.set(toolId, [...(away.get(toolId) ?? []), s])
  return {
    // Quantity tools carry their units away from home, so an offline card shows them too.
    tools: toolRows.map((tool) => (tool.managementType === 'quantity' ? { ...tool, away: away.get(tool.id) ?? [] } : { ...tool, away: [] })),
    locations: [...places].sort((a, b) => (rank.get(a.id) ?? 99) - (rank.get(b.id) ?? 99)),
    recentLocationIds: recent,
    members: people,
  }
}
