import { openDB, type DBSchema, type IDBPDatabase } from 'idb'
import type { ScanIndex } from './queries'
import type { QueuedMove } from './queue'

/** The offline index as the phone keeps it: what GET /api/scan/index answered, and when. */
export type StoredIndex = ScanIndex & { at: string }

interface ScanDb extends DBSchema {
  queue: { key: string; value: QueuedMove; indexes: { byUser: string } }
  index: { key: string; value: { key: string; userId: string; index: StoredIndex } }
}

export interface ScanStore {
  add(item: QueuedMove): Promise<void>
  put(item: QueuedMove): Promise<void>
  remove(clientId: string): Promise<void>
  get(clientId: string): Promise<QueuedMove | undefined>
  /** This member's queued moves, oldest first. */
  list(userId: string): Promise<QueuedMove[]>
  saveIndex(userId: string, index: StoredIndex): Promise<void>
  loadIndex(userId: string): Promise<StoredIndex | null>
  close(): void
}

/**
 * The phone's IndexedDB (one database per company host, since IndexedDB belongs to the origin): the move
 * queue and the offline index, both keyed by member so a shared phone never mixes two people's moves.
 */
export async function openScanStore(name = 'genba-scan'): Promise<ScanStore> {
  const db: IDBPDatabase<ScanDb> = await openDB<ScanDb>(name, 1, {
    upgrade(d) {
      d.createObjectStore('queue', { keyPath: 'clientId' }).createIndex('byUser', 'userId')
      d.createObjectStore('index', { keyPath: 'key' })
    },
  })
  return {
    async add(item) {
      await db.add('queue', item)
    },
    async put(item) {
      await db.put('queue', item)
    },
    async remove(clientId) {
      await db.delete('queue', clientId)
    },
    get: (clientId) => db.get('queue', clientId),
    async list(userId) {
      const items = await db.getAllFromIndex('queue', 'byUser', userId)
      return items.sort((a, b) => a.move.movedAt.localeCompare(b.move.movedAt) || a.queuedAt.localeCompare(b.queuedAt))
    },
    async saveIndex(userId, index) {
      await db.put('index', { key: userId, userId, index })
    },
    async loadIndex(userId) {
      return (await db.get('index', userId))?.index ?? null
    },
    close: () => db.close(),
  }
}
