import { createHash } from 'node:crypto'
import { Redis } from 'ioredis'
import { RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'
import { withAnonymous } from '../db'
import { env } from '../env'
import { RateLimiterDatabase } from './store'

/** Every limit in one place (seed 004 §4.4: sign-in 5 per 10 minutes). Durations in seconds. */
export const limits = {
  /** Failed sign-ins per account (company + email) and IP. */
  signIn: { points: 5, duration: 600 },
  /** Failed sign-ins per account from anywhere (addresses can be many); higher, so others cannot lock it cheaply. */
  signInAccount: { points: 20, duration: 600 },
  /** Failed sign-ins from one IP across accounts (password spraying). */
  signInIp: { points: 50, duration: 600 },
  /** Failed two-factor codes per account. */
  twoFactor: { points: 5, duration: 600 },
  /** Password-reset requests per email and IP, and per IP. */
  passwordReset: { points: 5, duration: 600 },
  passwordResetIp: { points: 20, duration: 3600 },
  /** Invitation accepts (and bad invitation tokens) per IP. */
  invitationAccept: { points: 10, duration: 600 },
  /** Company sign-ups per IP. */
  signUp: { points: 20, duration: 3600 },
  /** Token exchanges at /auth/handoff per IP. */
  handoff: { points: 30, duration: 60 },
  /** Scans and synced moves per member (seed 004 §4.4: 100 a minute); a sync costs one point per move. */
  scan: { points: 100, duration: 60 },
} as const

export type LimitName = keyof typeof limits

/** Whether a limit stopped the request, and for how many seconds (Retry-After). */
export type Limited = { retryAfter: number } | null

export type Backend = { kind: 'database'; run?: <T>(fn: Parameters<typeof withAnonymous<T>>[0]) => Promise<T> } | { kind: 'redis'; client: Redis }

const state = globalThis as unknown as { __genbaRedis?: Redis; __genbaLimiters?: Map<string, RateLimiterAbstract> }

/** Redis when REDIS_URL is set (shared by every app server), else the app's own database. */
export function defaultBackend(): Backend {
  const url = env().REDIS_URL
  if (!url) return { kind: 'database' }
  state.__genbaRedis ??= new Redis(url, { enableOfflineQueue: true, maxRetriesPerRequest: 2, lazyConnect: false })
  return { kind: 'redis', client: state.__genbaRedis }
}

export function createLimiter(name: LimitName, backend: Backend): RateLimiterAbstract {
  const { points, duration } = limits[name]
  const keyPrefix = `genba:${name}`
  if (backend.kind === 'redis') return new RateLimiterRedis({ storeClient: backend.client, points, duration, keyPrefix })
  return new RateLimiterDatabase({ points, duration, keyPrefix, run: backend.run ?? withAnonymous })
}

function limiter(name: LimitName): RateLimiterAbstract {
  const backend = defaultBackend()
  const cacheKey = `${backend.kind}:${name}`
  state.__genbaLimiters ??= new Map()
  let found = state.__genbaLimiters.get(cacheKey)
  if (!found) {
    found = createLimiter(name, backend)
    state.__genbaLimiters.set(cacheKey, found)
  }
  return found
}

/** Keys name people and addresses; stored hashed so the counters hold no email addresses. */
export const limitKey = (...parts: (string | null | undefined)[]) =>
  createHash('sha256').update(parts.map((p) => p ?? '-').join('\u0000')).digest('base64url').slice(0, 32)

const seconds = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000))

/** Limited when the key has already used up its points (checks without counting). */
export async function checkLimit(name: LimitName, key: string, use: RateLimiterAbstract = limiter(name)): Promise<Limited> {
  const res = await use.get(key)
  return res && res.consumedPoints >= limits[name].points ? { retryAfter: seconds(res) } : null
}

/** Counts one attempt (or `points` of them); limited when this one went over. */
export async function hitLimit(name: LimitName, key: string, use: RateLimiterAbstract = limiter(name), points = 1): Promise<Limited> {
  try {
    await use.consume(key, points)
    return null
  } catch (rejected) {
    if (rejected instanceof RateLimiterRes) return { retryAfter: seconds(rejected) }
    throw rejected
  }
}

/** Forgets a key's count (after a successful sign-in). */
export async function clearLimit(name: LimitName, key: string, use: RateLimiterAbstract = limiter(name)): Promise<void> {
  await use.delete(key)
}
