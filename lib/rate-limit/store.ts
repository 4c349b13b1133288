import { sql } from 'drizzle-orm'
import { RateLimiterRes } from 'rate-limiter-flexible'
// The documented base class for custom stores; the package root does not export it at run time.
import RateLimiterStoreAbstract from 'rate-limiter-flexible/lib/RateLimiterStoreAbstract.js'
import { rows } from '../db/sql'
import type { Tx } from '../db/types'

type Run = <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>
interface Counter {
  points: number
  expire: string | Date | null
}

/**
 * rate-limiter-flexible's store interface over our own `rate_limits` table, reached only through the
 * app.rate_limit_*() functions, so it works the same on PGlite and on Postgres (postgres.js) and the
 * counters stay unreadable to members. `run` opens the (unprivileged) transaction.
 */
export class RateLimiterDatabase extends RateLimiterStoreAbstract {
  private readonly run: Run

  constructor(opts: { points: number; duration: number; keyPrefix: string; run: Run }) {
    super({ points: opts.points, duration: opts.duration, keyPrefix: opts.keyPrefix, storeClient: opts.run })
    this.run = opts.run
  }

  _getRateLimiterRes(_key: string, changedPoints: number, result: Counter): RateLimiterRes {
    const expire = result.expire === null ? null : new Date(result.expire).getTime()
    const consumed = Number(result.points)
    return new RateLimiterRes(
      Math.max(this.points - consumed, 0),
      expire === null ? -1 : Math.max(expire - Date.now(), 0),
      consumed,
      consumed === changedPoints,
    )
  }

  async _upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<Counter> {
    const [row] = await this.run((tx) => rows<Counter>(tx, sql`select * from app.rate_limit_upsert(${key}, ${points}::int, ${msDuration}::bigint, ${forceExpire})`))
    return row!
  }

  async _get(key: string): Promise<Counter | null> {
    const [row] = await this.run((tx) => rows<Counter>(tx, sql`select * from app.rate_limit_get(${key})`))
    return row ?? null
  }

  async _delete(key: string): Promise<boolean> {
    const [row] = await this.run((tx) => rows<{ deleted: boolean }>(tx, sql`select app.rate_limit_delete(${key}) as deleted`))
    return Boolean(row?.deleted)
  }
}
