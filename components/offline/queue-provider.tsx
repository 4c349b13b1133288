'use client'

import { SerwistProvider } from '@serwist/turbopack/react'
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { flushQueue, type FlushReport } from '@/lib/scan/outbox'
import { readSyncResponse, redo, retryDelay, type QueuedMove, type SyncMove, type SyncReply } from '@/lib/scan/queue'
import { openScanStore, type ScanStore } from '@/lib/scan/store'
import { forgetMemberCaches } from '@/lib/scan/caches'

export interface QueueApi {
  userId: string
  /** This member's moves not yet applied: waiting (pending) or refused. */
  items: QueuedMove[]
  online: boolean
  syncing: boolean
  /** Why the last send stopped short (offline, signed out, rate limited…), until a send gets through. */
  stopped: FlushReport['stopped']
  /** Queues moves, then tries to send everything at once (one code path for online and offline moves). */
  enqueue(moves: QueuedMove[]): Promise<FlushReport>
  flush(): Promise<FlushReport>
  discard(clientId: string): Promise<void>
  /** A refused move made again, now, as a new move. */
  redo(clientId: string): Promise<FlushReport>
  store(): Promise<ScanStore>
}

const QueueContext = createContext<QueueApi | null>(null)

export function useQueue(): QueueApi {
  const api = useContext(QueueContext)
  if (!api) throw new Error('useQueue outside OfflineShell')
  return api
}

let storePromise: Promise<ScanStore> | null = null
const getStore = () => (storePromise ??= openScanStore())

async function postSync(items: SyncMove[]): Promise<SyncReply> {
  try {
    const response = await fetch('/api/moves/sync', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ items }),
      cache: 'no-store',
    })
    return await readSyncResponse(response)
  } catch {
    return { kind: 'network' }
  }
}

function subscribeOnline(change: () => void) {
  window.addEventListener('online', change)
  window.addEventListener('offline', change)
  return () => {
    window.removeEventListener('online', change)
    window.removeEventListener('offline', change)
  }
}

const empty: FlushReport = { applied: [], refused: [], stopped: null }

/** One send at a time across every tab of this company (Web Locks where the browser has them). */
function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && navigator.locks) return navigator.locks.request('genba-move-sync', fn) as Promise<T>
  return fn()
}

/**
 * The signed-in shell's offline side: registers the service worker and keeps the move queue, sending it
 * by itself when the connection returns, when the app comes back to the front, and on a timer that backs
 * off while the server cannot be reached.
 */
export function OfflineShell({ userId, children }: { userId: string; children: React.ReactNode }) {
  const [items, setItems] = useState<QueuedMove[]>([])
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true)
  const [syncing, setSyncing] = useState(false)
  const [stopped, setStopped] = useState<FlushReport['stopped']>(null)
  const failures = useRef(0)
  const channel = useRef<BroadcastChannel | null>(null)

  const refresh = useCallback(async () => {
    const store = await getStore()
    setItems(await store.list(userId))
  }, [userId])

  const announce = useCallback(async () => {
    await refresh()
    channel.current?.postMessage('changed')
  }, [refresh])

  const flush = useCallback(async (): Promise<FlushReport> => {
    setSyncing(true)
    try {
      const store = await getStore()
      const report = await exclusive(() => flushQueue(store, userId, postSync))
      failures.current = report.stopped ? failures.current + 1 : 0
      setStopped(report.stopped)
      return report
    } finally {
      setSyncing(false)
      await announce()
    }
  }, [userId, announce])

  const enqueue = useCallback(
    async (moves: QueuedMove[]) => {
      const store = await getStore()
      for (const move of moves) await store.add(move)
      await announce()
      return flush()
    },
    [announce, flush],
  )

  const discard = useCallback(
    async (clientId: string) => {
      const store = await getStore()
      await store.remove(clientId)
      await announce()
    },
    [announce],
  )

  const redoItem = useCallback(
    async (clientId: string) => {
      const store = await getStore()
      const item = await store.get(clientId)
      if (!item) return empty
      await store.remove(clientId)
      return enqueue([redo(item)])
    },
    [enqueue],
  )

  useEffect(() => {
    channel.current = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('genba-move-queue')
    channel.current?.addEventListener('message', () => void refresh())
    // Whatever waits from an earlier visit goes out as soon as the shell is up.
    const first = window.setTimeout(() => void refresh().then(() => flush()), 0)
    const goOnline = () => void flush()
    const visible = () => {
      if (document.visibilityState === 'visible') void flush()
    }
    // Signing out forgets the pages this phone kept for offline use (a shared phone shows the next person nothing).
    // Queued moves stay: they are keyed by member and go out when that member is back.
    const signingOut = (e: SubmitEvent) => {
      if (e.target instanceof HTMLFormElement && e.target.hasAttribute('data-sign-out') && 'caches' in window) {
        void forgetMemberCaches(caches)
      }
    }
    window.addEventListener('online', goOnline)
    document.addEventListener('visibilitychange', visible)
    document.addEventListener('submit', signingOut)
    return () => {
      window.clearTimeout(first)
      channel.current?.close()
      window.removeEventListener('online', goOnline)
      document.removeEventListener('visibilitychange', visible)
      document.removeEventListener('submit', signingOut)
    }
  }, [refresh, flush])

  const pending = items.some((i) => i.state === 'pending')
  useEffect(() => {
    if (!pending) return
    // Waiting moves are retried on their own: 5 s, doubling while it keeps failing, at most every 5 minutes.
    const wait = stopped?.kind === 'rate_limited' ? stopped.retryAfter : retryDelay(failures.current)
    const timer = window.setTimeout(() => void flush(), wait * 1000)
    return () => window.clearTimeout(timer)
  }, [pending, stopped, items, flush])

  const api = useMemo<QueueApi>(
    () => ({ userId, items, online, syncing, stopped, enqueue, flush, discard, redo: redoItem, store: getStore }),
    [userId, items, online, syncing, stopped, enqueue, flush, discard, redoItem],
  )
  return (
    <SerwistProvider swUrl="/serwist/sw.js" options={{ scope: '/', type: 'classic' }} reloadOnOnline={false} cacheOnNavigation={false}>
      <QueueContext.Provider value={api}>{children}</QueueContext.Provider>
    </SerwistProvider>
  )
}
