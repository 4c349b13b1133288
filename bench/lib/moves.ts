import { createHash, randomUUID } from 'node:crypto'
import type postgres from 'postgres'

/*
 * The scan-and-move scenario: every request moves a different tool of the big company with a fresh clientId,
 * checking out what is in a warehouse and bringing back what is on a site, so that every move is valid.
 */

interface FleetTool {
  id: string
  atSite: boolean
}

export interface Fleet {
  /** Tools per client slot (client k owns every tool whose index ≡ k mod slots). */
  byClient: FleetTool[][]
  cursor: number[]
  sites: string[]
  warehouses: string[]
}

export interface Move {
  clientId: string
  toolId: string
  action: 'checkout' | 'checkin'
  toLocationId: string
}

/** The big company's movable tools (individual, in working order, not in the trash) and where each is now. */
export async function loadFleet(sql: postgres.Sql, orgId: string, slots: number): Promise<Fleet> {
  const tools = await sql<{ id: string; at_site: boolean }[]>`
    select t.id, l.type = 'site' as at_site from tools t
    join locations l on l.organization_id = t.organization_id and l.id = t.current_location_id
    where t.organization_id = ${orgId} and t.management_type = 'individual' and t.status = 'normal' and t.deleted_at is null
    order by t.tool_code`
  const places = await sql<{ id: string; type: string }[]>`
    select id, type from locations where organization_id = ${orgId} and is_active and closed_at is null and deleted_at is null order by name`
  const byClient: FleetTool[][] = Array.from({ length: slots }, () => [])
  tools.forEach((t, i) => byClient[i % slots]!.push({ id: t.id, atSite: t.at_site }))
  return {
    byClient,
    cursor: Array.from({ length: slots }, () => 0),
    sites: places.filter((p) => p.type === 'site').map((p) => p.id),
    warehouses: places.filter((p) => p.type === 'warehouse').map((p) => p.id),
  }
}

/** Client `client`'s next move: its next tool in turn, out to a site or back to a warehouse. */
export function nextMove(fleet: Fleet, client: number): Move {
  const mine = fleet.byClient[client]!
  const n = fleet.cursor[client]!++
  const tool = mine[n % mine.length]!
  const action = tool.atSite ? 'checkin' : 'checkout'
  const places = tool.atSite ? fleet.warehouses : fleet.sites
  tool.atSite = !tool.atSite
  return { clientId: randomUUID(), toolId: tool.id, action, toLocationId: places[(n * 7 + client) % places.length]! }
}

export interface RawMember {
  userId: string
  organizationId: string
  subdomain: string
  token: string
}

const tenantContract = `select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true), set_config('app.request', $2, true)`
const anonymous = `select set_config('role', 'authenticated', true), set_config('request.jwt.claims', '', true)`
const requestJson = JSON.stringify({ ip: '127.0.0.1', user_agent: 'bench', request_id: null, reason: null })
const claims = (m: RawMember) => JSON.stringify({ sub: m.userId, org_id: m.organizationId, org_role: 'staff' })

/** The statements applyMove runs for an individual tool, in its savepoint, inside the caller's tenant transaction. */
async function applyMoveSql(tx: postgres.TransactionSql, m: RawMember, move: Move): Promise<string | null> {
  await tx.unsafe('savepoint s1')
  const [tool] = await tx.unsafe<{ id: string; status: string; management_type: string; current_location_id: string; last_moved_at: Date | null }[]>(
    `select "id", "tool_code", "status", "management_type", "current_location_id", "current_holder_id", "last_moved_at" from "tools"
     where ("tools"."id" = $1 and "tools"."deleted_at" is null) for update`,
    [move.toolId],
  )
  if (!tool || tool.status === 'disposed') return null
  const [loc] = await tx.unsafe<{ id: string; type: string; is_active: boolean; closed_at: Date | null }[]>(
    `select "id", "type", "is_active", "closed_at" from "locations" where ("locations"."id" = $1 and "locations"."deleted_at" is null)`,
    [move.toLocationId],
  )
  if (!loc || !loc.is_active || loc.closed_at || loc.id === tool.current_location_id) return null
  if ((move.action === 'checkout') !== (loc.type === 'site')) return null
  const holder = move.action === 'checkin' ? null : m.userId
  const movedAt = new Date().toISOString()
  await tx.unsafe(`update "tools" set "current_location_id" = $1, "current_holder_id" = $2, "last_moved_at" = $3 where "tools"."id" = $4`, [
    loc.id,
    holder,
    movedAt,
    tool.id,
  ])
  const [row] = await tx.unsafe<{ id: string }[]>(
    `insert into "tool_movements" ("organization_id", "id", "tool_id", "user_id", "holder_id", "from_location_id", "to_location_id", "movement_type",
       "quantity", "note", "moved_at", "client_id", "batch_id", "source", "deleted_at", "created_at")
     values ((select app.org_id()), default, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, default, default) returning "id"`,
    [tool.id, m.userId, holder, tool.current_location_id, loc.id, move.action, 1, null, movedAt, move.clientId, null, 'offline'],
  )
  await tx.unsafe('release savepoint s1')
  return row?.id ?? null
}

/** applyMove's transaction alone, under the tenant contract: what the database must do for a move. */
export async function rawMove(sql: postgres.Sql, m: RawMember, move: Move): Promise<boolean> {
  return sql.begin(async (tx) => {
    await tx.unsafe(tenantContract, [claims(m), requestJson])
    return (await applyMoveSql(tx, m, move)) !== null
  }) as Promise<boolean>
}

/**
 * Every statement one POST /api/moves/sync of one item sends, in its three transactions: the company by host,
 * the session, then the key's claim (advisory lock, insert), the move and the key's answer in one.
 */
export async function rawSyncRequest(sql: postgres.Sql, m: RawMember, move: Move): Promise<boolean> {
  await sql.begin(async (tx) => {
    await tx.unsafe(anonymous)
    await tx.unsafe(`select id, name, subdomain, plan from app.tenant_by_subdomain($1)`, [m.subdomain])
  })
  const hash = createHash('sha256').update(m.token, 'utf8').digest()
  const session = await sql.begin(async (tx) => {
    await tx.unsafe(anonymous)
    return tx.unsafe(`select * from app.session_member($1, $2::uuid, $3::int)`, [hash, m.organizationId, 7 * 24 * 3600])
  })
  if (!session.length) return false
  return sql.begin(async (tx) => {
    await tx.unsafe(tenantContract, [claims(m), requestJson])
    const [lock] = await tx.unsafe<{ held: boolean }[]>(`select pg_try_advisory_xact_lock(hashtextextended($1, 0)) as held`, [
      `move:${m.organizationId}:${m.userId}:${move.clientId}`,
    ])
    if (!lock?.held) return false
    const [key] = await tx.unsafe<{ id: string }[]>(
      `insert into "idempotency_keys" ("organization_id", "id", "user_id", "key", "scope", "request_hash", "status_code", "response_body", "created_at", "completed_at", "expires_at")
       values ($1, default, $2, $3, $4, $5, default, default, default, default, default) on conflict do nothing returning "id"`,
      [m.organizationId, m.userId, move.clientId, 'move', createHash('sha256').update(JSON.stringify(move)).digest('hex')],
    )
    if (!key) return false
    const id = await applyMoveSql(tx, m, move)
    await tx.unsafe(`update "idempotency_keys" set "status_code" = $1, "response_body" = $2, "completed_at" = now() where ("organization_id" = $3 and "id" = $4)`, [
      201,
      JSON.stringify({ ok: true, move: { movementId: id, toolId: move.toolId } }),
      m.organizationId,
      key.id,
    ])
    return id !== null
  }) as Promise<boolean>
}
