import type { AppliedMove } from '../movements/commands'
import type { SyncItemResult } from '../movements/sync'

/**
 * The phone's outbox of moves (seed 004 §9.3): every move, online or not, is queued first and then sent
 * to POST /api/moves/sync. This file is the part that needs no browser: building items, choosing what
 * to send, and reading the server's answers. The IndexedDB side is store.ts; the loop is outbox.ts.
 */

export const moveActions = ['checkout', 'checkin', 'transfer', 'consume'] as const
export type MoveAction = (typeof moveActions)[number]

/** Exactly what the sync endpoint receives for one move (lib/movements/schemas.ts syncInput item). */
export interface SyncMove {
  clientId: string
  toolId: string
  action: MoveAction
  toLocationId?: string | null
  fromLocationId?: string | null
  holderId?: string | null
  quantity?: number
  note?: string | null
  movedAt: string
}

/** What the queue shows without the network: names as they were when the move was made. */
export interface MoveLabel {
  toolCode: string
  toolName: string
  placeName: string | null
  holderName: string | null
  unit: string | null
}

export interface QueuedMove {
  clientId: string
  /** Only the member who made a move sends it (a shared phone may change hands). */
  userId: string
  move: SyncMove
  label: MoveLabel
  /** Moves made together in batch mode share one id (for showing them together). */
  batchId: string | null
  /** pending: waiting to be sent; refused: the server said no, the member decides what to do. */
  state: 'pending' | 'refused'
  attempts: number
  queuedAt: string
  error: { code: string; status: number; details?: unknown } | null
}

export interface NewMove {
  userId: string
  toolId: string
  action: MoveAction
  toLocationId?: string | null
  fromLocationId?: string | null
  holderId?: string | null
  quantity?: number | null
  note?: string | null
  label: MoveLabel
  batchId?: string | null
}

/** A queue item with a fresh UUID (its Idempotency-Key) and the device time of the move. */
export function queuedMove(input: NewMove, now = new Date(), newId: () => string = () => crypto.randomUUID()): QueuedMove {
  const clientId = newId()
  const move: SyncMove = { clientId, toolId: input.toolId, action: input.action, movedAt: now.toISOString() }
  if (input.toLocationId) move.toLocationId = input.toLocationId
  if (input.fromLocationId) move.fromLocationId = input.fromLocationId
  if (input.holderId) move.holderId = input.holderId
  if (input.quantity !== undefined && input.quantity !== null) move.quantity = input.quantity
  const note = input.note?.trim()
  if (note) move.note = note
  return {
    clientId,
    userId: input.userId,
    move,
    label: input.label,
    batchId: input.batchId ?? null,
    state: 'pending',
    attempts: 0,
    queuedAt: now.toISOString(),
    error: null,
  }
}

/** A refused move done again now: same tool, place and holder, a new key and the time of this attempt. */
export function redo(item: QueuedMove, now = new Date(), newId: () => string = () => crypto.randomUUID()): QueuedMove {
  const { clientId: _old, movedAt: _at, ...rest } = item.move
  return queuedMove({ ...rest, userId: item.userId, label: item.label, batchId: item.batchId }, now, newId)
}

/** The server accepts at most 100 moves a call (the scan limit's minute); smaller chunks stay well inside the 100-a-minute limit. */
export const SYNC_CHUNK = 25

/** The next moves of this member to send, oldest device time first. */
export function nextChunk(items: QueuedMove[], userId: string, size = SYNC_CHUNK): QueuedMove[] {
  return items
    .filter((i) => i.userId === userId && i.state === 'pending')
    .sort((a, b) => a.move.movedAt.localeCompare(b.move.movedAt) || a.queuedAt.localeCompare(b.queuedAt))
    .slice(0, size)
}

export interface Reconciled {
  /** Applied now or before (a replay): they leave the queue. */
  applied: { item: QueuedMove; move: AppliedMove; replayed: boolean }[]
  /** Refused by the server: they stay, with the reason, until the member discards or redoes them. */
  refused: QueuedMove[]
  /** Not decided yet (still running elsewhere, or missing from the answer): sent again later. */
  retry: QueuedMove[]
}

/** Sorts the items of one sync call by the server's per-item results. Nothing is dropped. */
export function reconcile(sent: QueuedMove[], results: SyncItemResult[]): Reconciled {
  const byId = new Map(results.map((r) => [r.clientId, r]))
  const out: Reconciled = { applied: [], refused: [], retry: [] }
  for (const item of sent) {
    const r = byId.get(item.clientId)
    if (r && (r.outcome === 'applied' || r.outcome === 'replayed') && r.move) {
      out.applied.push({ item, move: r.move, replayed: r.outcome === 'replayed' })
    } else if (r && (r.outcome === 'refused' || r.outcome === 'mismatch')) {
      out.refused.push({ ...item, state: 'refused', attempts: item.attempts + 1, error: { code: r.code ?? 'VALIDATION', status: r.status, details: r.details } })
    } else {
      out.retry.push({ ...item, attempts: item.attempts + 1 })
    }
  }
  return out
}

/** What one sync call came to. */
export type SyncReply =
  | { kind: 'results'; results: SyncItemResult[] }
  | { kind: 'network' }
  | { kind: 'rate_limited'; retryAfter: number; message: string }
  | { kind: 'signed_out'; message: string }
  | { kind: 'forbidden'; message: string }
  | { kind: 'failed'; status: number; code: string; message: string }

/** Reads the sync endpoint's response (any status) into a SyncReply. */
export async function readSyncResponse(response: Response): Promise<SyncReply> {
  const body = (await response.json().catch(() => null)) as { results?: SyncItemResult[]; code?: string; message?: string } | null
  if (response.ok && Array.isArray(body?.results)) return { kind: 'results', results: body.results }
  const message = body?.message ?? ''
  if (response.status === 429) return { kind: 'rate_limited', retryAfter: Math.max(1, Number(response.headers.get('retry-after')) || 60), message }
  if (response.status === 401) return { kind: 'signed_out', message }
  if (response.status === 403) return { kind: 'forbidden', message }
  return { kind: 'failed', status: response.status, code: body?.code ?? 'INTERNAL', message }
}

/** Seconds before the next automatic try after `failures` failed ones in a row: 5 s doubling to 5 minutes. */
export function retryDelay(failures: number): number {
  return Math.min(300, 5 * 2 ** Math.max(0, failures - 1))
}
