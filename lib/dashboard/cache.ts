import { env } from '../env'

/*
 * The company-wide dashboard figures (summary, alerts, sites) are the same for every member of a company, and
 * the slowest part of the home screen. They are kept for a few seconds per company (DASHBOARD_CACHE_SECONDS,
 * default 20; 0 turns it off), so a morning rush of managers and phones costs one computation, not one each.
 * Writes made here (repairs, inspections, settings, closing sites) forget their company's entry at once; moves
 * show within the TTL. Entries are keyed by company id first: one company's figures never answer another's.
 */

interface Entry {
  at: number
  value: Promise<unknown>
}

const state = globalThis as unknown as { __genbaDashboardCache?: Map<string, Entry> }
const MAX_ENTRIES = 1000

function store(): Map<string, Entry> {
  state.__genbaDashboardCache ??= new Map()
  return state.__genbaDashboardCache
}

export function cacheSeconds(): number {
  return env().DASHBOARD_CACHE_SECONDS
}

/** The value for `organizationId` + `key`, loaded at most once per TTL (concurrent callers share one load). */
export async function companyCached<T>(organizationId: string, key: string, load: () => Promise<T>, ttlSeconds = cacheSeconds()): Promise<T> {
  if (ttlSeconds <= 0) return load()
  const map = store()
  const id = `${organizationId}|${key}`
  const hit = map.get(id)
  if (hit && Date.now() - hit.at < ttlSeconds * 1000) return hit.value as Promise<T>
  const value = load()
  map.set(id, { at: Date.now(), value })
  value.catch(() => map.delete(id))
  if (map.size > MAX_ENTRIES) map.delete(map.keys().next().value!)
  return value
}

/** Forgets a company's cached figures (after a write that changes them). */
export function forgetCompany(organizationId: string) {
  const map = store()
  for (const id of map.keys()) if (id.startsWith(`${organizationId}|`)) map.delete(id)
}
