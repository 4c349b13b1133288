// What the scan screen works with, online or from the offline index, and how it finds a tool.
import { parseScanned } from '@/lib/scan/parse'
import type { ScanCard, ScanIndexTool } from '@/lib/scan/queries'
import type { StoredIndex } from '@/lib/scan/store'

type Json<T> = { [K in keyof T]: T[K] extends Date | null ? string | null : T[K] }

/** A tool card: the full one from GET /api/scan, or the index's (no photo, no recent moves) when offline. */
export type Card = Json<ScanIndexTool> & { photoUrl?: ScanCard['photoUrl']; recentMoves?: Json<ScanCard['recentMoves'][number]>[] }
export type Index = StoredIndex
export type Place = Index['locations'][number]

export type Lookup =
  | { kind: 'card'; card: Card; offlineAt: string | null }
  | { kind: 'unknown'; labelId: string | null }
  | { kind: 'limited'; message: string }
  | { kind: 'signed_out'; message: string }

/** Our own label (or a bare UUID): an unknown one can be claimed for a new tool. Another host's label never. */
function blankLabelId(raw: string, id: string): string | null {
  const text = raw.normalize('NFKC').trim()
  if (!/^https?:\/\//i.test(text)) return id
  try {
    return new URL(text).host === window.location.host ? id : null
  } catch {
    return null
  }
}

function fromIndex(index: Index | null, target: { id: string } | { code: string }): Card | null {
  const found = index?.tools.find((t) => ('id' in target ? t.id === target.id : t.code === target.code))
  return (found as Card | undefined) ?? null
}

/** Finds what a label or typed code names: the server when it can be reached, the offline index when not. */
export async function lookup(raw: string, index: Index | null): Promise<Lookup> {
  const target = parseScanned(raw)
  if (!target) return { kind: 'unknown', labelId: null }
  const unknown: Lookup = { kind: 'unknown', labelId: 'id' in target ? blankLabelId(raw, target.id) : null }
  if (navigator.onLine) {
    try {
      const response = await fetch(`/api/scan?q=${encodeURIComponent(raw.trim())}`, { cache: 'no-store' })
      if (response.ok) return { kind: 'card', card: (await response.json()) as Card, offlineAt: null }
      const body = (await response.json().catch(() => ({}))) as { message?: string }
      if (response.status === 404) return unknown
      if (response.status === 429) return { kind: 'limited', message: body.message ?? '' }
      if (response.status === 401) return { kind: 'signed_out', message: body.message ?? '' }
    } catch {
      // No network after all: the offline index answers.
    }
  }
  const card = fromIndex(index, target)
  return card ? { kind: 'card', card, offlineAt: index?.at ?? null } : unknown
}

/** Places for an action: recent ones first, then sites, then warehouses; never where the tool already is. */
export function placesFor(index: Index | null, action: string, card: Card | null): (Place & { recent: boolean })[] {
  if (!index) return []
  const recent = new Map(index.recentLocationIds.map((id, i) => [id, i]))
  const allowed = (p: Place) => (action === 'checkout' ? p.type === 'site' : action === 'checkin' ? p.type === 'warehouse' : true)
  const typeRank = (p: Place) => (p.type === 'site' ? 0 : 1)
  return index.locations
    .filter((p) => allowed(p) && (card?.managementType === 'quantity' || p.id !== card?.locationId))
    .map((p) => ({ ...p, recent: recent.has(p.id) }))
    .sort((a, b) => (recent.get(a.id) ?? 99) - (recent.get(b.id) ?? 99) || typeRank(a) - typeRank(b) || a.name.localeCompare(b.name, 'ja'))
}

/** Where the units of a quantity tool can come from: home first, then each site holding some. */
export function sourcesOf(card: Card): { id: string; name: string; quantity: number; home: boolean }[] {
  const home = card.locationId && (card.homeQuantity ?? 0) > 0 ? [{ id: card.locationId, name: card.locationName ?? '', quantity: card.homeQuantity ?? 0, home: true }] : []
  return [...home, ...card.away.map((a) => ({ id: a.locationId, name: a.locationName, quantity: a.quantity, home: false }))]
}
