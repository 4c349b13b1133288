import type { AppliedMove } from '../movements/commands'
import { nextChunk, reconcile, type QueuedMove, type SyncMove, type SyncReply } from './queue'
import type { ScanStore } from './store'

/** Sends moves to POST /api/moves/sync and reads the answer (in the browser: fetch; in tests: the route itself). */
export type PostMoves = (items: SyncMove[]) => Promise<SyncReply>

export interface FlushReport {
  applied: { item: QueuedMove; move: AppliedMove; replayed: boolean }[]
  refused: QueuedMove[]
  /** Why sending stopped before the queue was empty (offline, signed out, rate limited, server trouble). */
  stopped: Exclude<SyncReply, { kind: 'results' }> | null
}

/**
 * Sends this member's pending moves, a chunk at a time in device-time order, until none are left or the
 * server cannot be reached. Applied moves leave the queue; refused ones stay with their reason; a chunk the
 * server rejects as a whole (400) is sent again one move at a time so that one bad move cannot block the rest.
 */
export async function flushQueue(store: ScanStore, userId: string, post: PostMoves): Promise<FlushReport> {
  const report: FlushReport = { applied: [], refused: [], stopped: null }
  const tried = new Set<string>()
  for (;;) {
    const chunk = nextChunk(await store.list(userId), userId).filter((i) => !tried.has(i.clientId))
    if (chunk.length === 0) return report
    for (const item of chunk) tried.add(item.clientId)
    const reply = await sendChunk(chunk, post)
    if (reply.kind !== 'results') {
      report.stopped = reply
      return report
    }
    const { applied, refused, retry } = reconcile(chunk, reply.results)
    for (const a of applied) await store.remove(a.item.clientId)
    for (const r of [...refused, ...retry]) await store.put(r)
    report.applied.push(...applied)
    report.refused.push(...refused)
  }
}

async function sendChunk(chunk: QueuedMove[], post: PostMoves): Promise<SyncReply> {
  const reply = await post(chunk.map((i) => i.move))
  if (reply.kind !== 'failed' || reply.status !== 400) return reply
  if (chunk.length === 1) {
    return { kind: 'results', results: [{ clientId: chunk[0]!.clientId, outcome: 'refused', status: 400, code: 'VALIDATION' }] }
  }
  const results = []
  for (const item of chunk) {
    const one = await sendChunk([item], post)
    if (one.kind !== 'results') return one
    results.push(...one.results)
  }
  return { kind: 'results', results }
}
