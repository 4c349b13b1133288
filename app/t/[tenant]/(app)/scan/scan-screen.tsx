'use client'

import Link from 'next/link'
import { CheckCircle2, CloudCheck, Layers, PackageMinus, PackagePlus, QrCode, Search, Tag, TriangleAlert, Truck, Undo2, XCircle } from 'lucide-react'
import { useFormatter, useTranslations } from 'next-intl'
import { useSearchParams } from 'next/navigation'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useQueue } from '@/components/offline/queue-provider'
import type { FlushReport } from '@/lib/scan/outbox'
import { parseScanned } from '@/lib/scan/parse'
import { queuedMove, type MoveAction, type QueuedMove } from '@/lib/scan/queue'
import { CameraScanner } from './camera'
import { signalError, signalSuccess, unlockAudio } from './feedback'
import { useRefusal } from './messages'
import { lookup, type Card, type Index, type Lookup } from './model'
import { MoveForm, type MoveChoice } from './move-form'
import { QueuePanel } from './queue-panel'
import { ToolCard } from './tool-card'

type Outcome = { clientId: string; code: string; state: 'applied' | 'queued' | 'refused'; text: string }

const actionIcons = { checkout: Truck, checkin: Undo2, transfer: Layers, consume: PackageMinus } satisfies Record<MoveAction, unknown>

async function fetchIndex(): Promise<Index | null> {
  try {
    const response = await fetch('/api/scan/index', { cache: 'no-store' })
    return response.ok ? ((await response.json()) as Index) : null
  } catch {
    return null
  }
}

/** Resolves once a service worker controls this page (it claims open pages when it activates). */
async function controlled(): Promise<boolean> {
  if (!('serviceWorker' in navigator)) return false
  await navigator.serviceWorker.ready
  if (navigator.serviceWorker.controller) return true
  await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }))
  return true
}

export function ScanScreen({ userId, userName, canMove, canRegister }: { userId: string; userName: string; canMove: boolean; canRegister: boolean }) {
  const t = useTranslations('scan')
  const format = useFormatter()
  const refusal = useRefusal()
  const queue = useQueue()
  const params = useSearchParams()
  const [index, setIndex] = useState<Index | null>(null)
  const [offlineReady, setOfflineReady] = useState(false)
  const [mode, setMode] = useState<'single' | 'batch'>('single')
  const [typed, setTyped] = useState('')
  const [found, setFound] = useState<Lookup | null>(null)
  const [action, setAction] = useState<MoveAction | null>(null)
  const [busy, setBusy] = useState(false)
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null)
  const [batch, setBatch] = useState<Card[]>([])
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null)
  const indexRef = useRef<Index | null>(null)
  const recent = useRef(new Map<string, number>())
  const batchRef = useRef<Card[]>([])
  useEffect(() => {
    indexRef.current = index
    batchRef.current = batch
  }, [index, batch])

  const saveIndex = useCallback(
    async (next: Index) => {
      setIndex(next)
      await (await queue.store()).saveIndex(userId, next)
    },
    [queue, userId],
  )

  // The offline index: what this phone saved last time at once, then a fresh copy; then make sure the
  // service worker keeps this screen, so the next visit works in a basement.
  useEffect(() => {
    let live = true
    void (async () => {
      const store = await queue.store()
      const saved = await store.loadIndex(userId)
      if (saved && live) setIndex(saved)
      const fresh = await fetchIndex()
      if (fresh && live) await saveIndex(fresh)
      if (navigator.onLine && (await controlled())) {
        await Promise.all([fetch('/scan', { cache: 'no-store' }).catch(() => null), fetchIndex()])
        if (live) setOfflineReady(Boolean(fresh ?? saved))
      }
    })()
    return () => {
      live = false
    }
    // Once per visit: saveIndex and the queue are stable for this member.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [userId])

  const show = useCallback(
    async (raw: string) => {
      const text = raw.trim()
      if (!text) return
      // The camera sees the same label many times a second: one lookup per label every few seconds.
      const now = Date.now()
      if ((recent.current.get(text) ?? 0) > now - 4000) return
      recent.current.set(text, now)
      const target = parseScanned(text)
      if (mode === 'batch' && target && batchRef.current.some((c) => ('id' in target ? c.id === target.id : c.code === target.code))) {
        setNotice({ tone: 'error', text: t('batchAlready', { code: 'code' in target ? target.code : (batchRef.current.find((c) => 'id' in target && c.id === target.id)?.code ?? '') }) })
        return
      }
      const result = await lookup(text, indexRef.current)
      if (result.kind === 'card') signalSuccess()
      else signalError()
      if (mode === 'batch') {
        if (result.kind === 'card') {
          setBatch((b) => (b.some((c) => c.id === result.card.id) ? b : [...b, result.card]))
          setNotice({ tone: 'ok', text: t('batchAdded', { code: result.card.code }) })
        } else setNotice({ tone: 'error', text: result.kind === 'unknown' ? t('unknown') : result.message })
        return
      }
      setOutcomes(null)
      setAction(null)
      setNotice(null)
      setFound(result)
    },
    [mode, t],
  )

  // A label opened by the phone's own camera app: /scan?id=<uuid>.
  const labelId = params.get('id')
  useEffect(() => {
    if (!labelId) return
    void show(labelId)
    window.history.replaceState(null, '', '/scan')
  }, [labelId, show])

  const resultOf = (report: FlushReport, item: QueuedMove): Outcome => {
    const code = item.label.toolCode
    if (report.applied.some((a) => a.item.clientId === item.clientId)) {
      return { clientId: item.clientId, code, state: 'applied', text: t('doneApplied', { code, action: t(`actions.${item.move.action}`) }) }
    }
    const refused = report.refused.find((r) => r.clientId === item.clientId)
    if (refused) return { clientId: item.clientId, code, state: 'refused', text: refusal(refused) }
    // Kept for later: say why when it is not simply the network (the scan limit, a lost session).
    const why = report.stopped?.kind === 'rate_limited' || report.stopped?.kind === 'signed_out' || report.stopped?.kind === 'forbidden' ? report.stopped.message : ''
    return { clientId: item.clientId, code, state: 'queued', text: why ? `${t('doneQueued', { code })} ${why}` : t('doneQueued', { code }) }
  }

  const moveLabel = (card: Card, choice: MoveChoice) => ({
    toolCode: card.code,
    toolName: card.name,
    placeName: index?.locations.find((l) => l.id === choice.toLocationId)?.name ?? null,
    holderName: index?.members.find((m) => m.id === choice.holderId)?.name ?? null,
    unit: card.unit,
  })

  /** Remembers on this phone where the tools went, so cards shown offline stay right. */
  const remember = (moved: QueuedMove[]) => {
    const current = indexRef.current
    if (!current) return
    const byTool = new Map(moved.map((m) => [m.move.toolId, m]))
    const tools = current.tools.map((tool) => {
      const m = byTool.get(tool.id)
      if (!m || tool.managementType !== 'individual' || !m.move.toLocationId) return tool
      const place = current.locations.find((l) => l.id === m.move.toLocationId)
      return { ...tool, locationId: m.move.toLocationId, locationName: place?.name ?? null, locationType: place?.type ?? null, holderId: m.move.holderId ?? (m.move.action === 'checkin' ? null : userId), holderName: m.label.holderName ?? (m.move.action === 'checkin' ? null : userName) }
    })
    void saveIndex({ ...current, tools })
  }

  const submitOne = async (card: Card, choice: MoveChoice) => {
    setBusy(true)
    try {
      const item = queuedMove({ userId, toolId: card.id, ...choice, label: moveLabel(card, choice) })
      const report = await queue.enqueue([item])
      const outcome = resultOf(report, item)
      if (outcome.state === 'refused') signalError()
      else {
        signalSuccess()
        remember([item])
      }
      setOutcomes([outcome])
      if (outcome.state !== 'refused') {
        setFound(null)
        setAction(null)
      }
      if (outcome.state === 'applied') void fetchIndex().then((fresh) => fresh && saveIndex(fresh))
    } finally {
      setBusy(false)
    }
  }

  const submitBatch = async (choice: MoveChoice) => {
    setBusy(true)
    try {
      const batchId = crypto.randomUUID()
      const now = Date.now()
      // Each move a millisecond apart: the server applies them in the order they were scanned.
      const items = batch.map((card, i) =>
        queuedMove({ userId, toolId: card.id, ...choice, quantity: card.managementType === 'quantity' ? 1 : null, fromLocationId: null, label: moveLabel(card, choice), batchId }, new Date(now + i)),
      )
      const report = await queue.enqueue(items)
      const results = items.map((item) => resultOf(report, item))
      if (results.some((r) => r.state === 'refused')) signalError()
      else signalSuccess()
      remember(items.filter((_, i) => results[i]!.state !== 'refused'))
      setOutcomes(results)
      setBatch((b) => b.filter((card) => results.some((r) => r.state === 'refused' && r.code === card.code)))
      setAction(null)
      void fetchIndex().then((fresh) => fresh && saveIndex(fresh))
    } finally {
      setBusy(false)
    }
  }

  const card = found?.kind === 'card' ? found.card : null
  const actions: MoveAction[] = card ? (card.managementType === 'quantity' ? ['checkout', 'checkin', 'transfer', 'consume'] : ['checkout', 'checkin', 'transfer']) : ['checkout', 'checkin', 'transfer']
  const counts = outcomes ? { applied: outcomes.filter((o) => o.state === 'applied').length, queued: outcomes.filter((o) => o.state === 'queued').length, refused: outcomes.filter((o) => o.state === 'refused').length } : null

  return (
    <main className="mx-auto flex max-w-xl flex-col gap-5" data-testid="scan-screen" data-offline-ready={offlineReady ? 'true' : 'false'}>
      <div className="flex items-center justify-between gap-2">
        <h1 className="flex items-center gap-2 text-3xl font-black">
          <QrCode aria-hidden className="size-8" />
          {t('title')}
        </h1>
        {offlineReady && (
          <span className="flex items-center gap-1 text-sm font-bold text-green-800" data-testid="offline-ready">
            <CloudCheck aria-hidden className="size-5" />
            {t('offlineReady')}
          </span>
        )}
      </div>

      <div className="grid grid-cols-2 gap-2 rounded-xl bg-gray-200 p-1" role="group" aria-label={t('title')}>
        {(['single', 'batch'] as const).map((m) => (
          <button
            key={m}
            type="button"
            aria-pressed={mode === m}
            onClick={() => {
              setMode(m)
              setFound(null)
              setAction(null)
              setOutcomes(null)
              setNotice(null)
            }}
            className={`min-h-14 rounded-lg text-lg font-bold ${mode === m ? 'bg-ink text-white' : 'text-ink'}`}
          >
            {m === 'single' ? t('modeSingle') : t('modeBatch')}
          </button>
        ))}
      </div>

      {!canMove && <p className="rounded-lg bg-gray-200 p-3 font-bold">{t('readOnly')}</p>}

      {!(card && action) && (
        <>
          <p className="text-lg">{mode === 'batch' ? t('batchLead') : t('lead')}</p>
          <CameraScanner onCode={(text) => void show(text)} paused={mode === 'single' && found?.kind === 'card'} />
          <form
            className="grid gap-1"
            onSubmit={(e) => {
              e.preventDefault()
              unlockAudio()
              recent.current.delete(typed.trim())
              void show(typed).then(() => setTyped(''))
            }}
          >
            <label htmlFor="manual-code" className="text-lg font-bold">
              {t('manualLabel')}
            </label>
            <div className="flex gap-2">
              <input
                id="manual-code"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                autoCapitalize="characters"
                autoComplete="off"
                enterKeyHint="search"
                placeholder={t('manualHint')}
                className="field min-h-16 flex-1 font-mono text-2xl font-bold uppercase placeholder:text-base placeholder:font-normal placeholder:normal-case"
              />
              <button type="submit" className="btn btn-primary min-h-16 min-w-20 text-lg">
                <Search aria-hidden className="size-6" />
                {t('find')}
              </button>
            </div>
          </form>
        </>
      )}

      {notice && (
        <p role={notice.tone === 'error' ? 'alert' : 'status'} className={`rounded-lg border-2 p-3 text-lg font-bold ${notice.tone === 'error' ? 'border-red-700 bg-red-50 text-red-800' : 'border-green-700 bg-green-50 text-green-900'}`}>
          {notice.text}
        </p>
      )}

      {outcomes && (
        <section role="status" className="card flex flex-col gap-2 border-2 border-gray-300" data-testid="move-result">
          {counts && outcomes.length > 1 && <p className="text-lg font-bold">{t('batchResult', counts)}</p>}
          <ul className="grid gap-2">
            {outcomes.map((o) => (
              <li key={o.clientId} data-testid="move-outcome" data-state={o.state} className={`flex items-start gap-2 text-lg font-bold ${o.state === 'refused' ? 'text-red-800' : ''}`}>
                {o.state === 'refused' ? <XCircle aria-hidden className="mt-0.5 size-6 shrink-0" /> : <CheckCircle2 aria-hidden className="mt-0.5 size-6 shrink-0 text-green-700" />}
                <span>
                  {outcomes.length > 1 && <span className="mr-2 font-mono">{o.code}</span>}
                  {outcomes.length > 1 && o.state !== 'refused' ? (o.state === 'applied' ? t('itemApplied') : t('itemQueued')) : o.text}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {mode === 'single' && found && found.kind !== 'card' && (
        <section role="alert" className="card flex flex-col gap-3 border-2 border-red-700 bg-red-50" data-testid="scan-error">
          <p className="flex items-center gap-2 text-xl font-black text-red-800">
            <XCircle aria-hidden className="size-7 shrink-0" />
            {found.kind === 'unknown' ? t('unknown') : found.message}
          </p>
          {found.kind === 'unknown' && found.labelId && canRegister && (
            <Link href={`/tools/new?labelId=${found.labelId}`} className="btn btn-primary min-h-14">
              <Tag aria-hidden className="size-6" />
              {t('registerLabel')}
            </Link>
          )}
          {found.kind === 'signed_out' && (
            <a href="/login?next=/scan" className="btn btn-primary min-h-14">
              {found.message}
            </a>
          )}
        </section>
      )}

      {mode === 'single' && card && found?.kind === 'card' && (
        <>
          <ToolCard card={card} offlineAt={found.offlineAt} />
          {action ? (
            <MoveForm
              key={`${card.id}-${action}`}
              action={action}
              card={card}
              index={index}
              userId={userId}
              busy={busy}
              submitLabel={t('submit', { action: t(`actions.${action}`) })}
              onSubmit={(choice) => void submitOne(card, choice)}
              onBack={() => setAction(null)}
            />
          ) : (
            canMove && (
              <div className={`grid gap-2 ${actions.length === 4 ? 'grid-cols-2' : 'grid-cols-3'}`}>
                {actions.map((a) => {
                  const Icon = actionIcons[a]
                  return (
                    <button key={a} type="button" onClick={() => setAction(a)} className={`btn min-h-24 flex-col gap-1 text-xl ${a === 'checkout' ? 'btn-accent' : 'btn-primary'}`}>
                      <Icon aria-hidden className="size-8" />
                      {t(`actions.${a}`)}
                      <span className="text-xs font-normal">{t(`actionHelp.${a}`)}</span>
                    </button>
                  )
                })}
              </div>
            )
          )}
          {!action && (
            <div className="grid grid-cols-2 gap-2">
              <button type="button" onClick={() => setFound(null)} className="btn btn-secondary min-h-14">
                {t('scanNext')}
              </button>
              {canMove && (
                <Link href={`/maintenance/report?tool=${card.id}`} className="btn btn-secondary min-h-14" data-testid="report-breakage">
                  <TriangleAlert aria-hidden className="size-6" />
                  {t('reportBreakage')}
                </Link>
              )}
            </div>
          )}
        </>
      )}

      {mode === 'batch' && (
        <section className="flex flex-col gap-3" aria-label={t('modeBatch')} data-testid="batch">
          <h2 className="flex items-center gap-2 text-xl font-bold">
            <PackagePlus aria-hidden className="size-6" />
            {t('batchCount', { count: batch.length })}
          </h2>
          {batch.length === 0 ? (
            <p className="text-gray-700">{t('batchEmpty')}</p>
          ) : (
            <ul className="grid gap-2">
              {batch.map((c) => (
                <li key={c.id}>
                  <ToolCard card={c} small onRemove={() => setBatch((b) => b.filter((x) => x.id !== c.id))} />
                </li>
              ))}
            </ul>
          )}
          {batch.length > 0 && canMove && !action && (
            <>
              <p className="text-lg font-bold">{t('moveAll', { count: batch.length })}</p>
              <div className="grid grid-cols-3 gap-2">
                {(['checkout', 'checkin', 'transfer'] as const).map((a) => {
                  const Icon = actionIcons[a]
                  return (
                    <button key={a} type="button" onClick={() => setAction(a)} className={`btn min-h-20 flex-col gap-1 text-lg ${a === 'checkout' ? 'btn-accent' : 'btn-primary'}`}>
                      <Icon aria-hidden className="size-7" />
                      {t(`actions.${a}`)}
                    </button>
                  )
                })}
              </div>
              <button type="button" onClick={() => setBatch([])} className="btn btn-secondary">
                {t('clearBatch')}
              </button>
            </>
          )}
          {batch.length > 0 && action && (
            <MoveForm
              key={`batch-${action}`}
              action={action}
              card={null}
              index={index}
              userId={userId}
              busy={busy}
              submitLabel={t('moveAll', { count: batch.length })}
              onSubmit={(choice) => void submitBatch(choice)}
              onBack={() => setAction(null)}
            />
          )}
        </section>
      )}

      <QueuePanel />
      {index && <p className="text-sm text-gray-700">{t('indexAt', { time: format.dateTime(new Date(index.at), { dateStyle: 'short', timeStyle: 'short' }) })}</p>}
    </main>
  )
}
