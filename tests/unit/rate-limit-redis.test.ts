import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkLimit, clearLimit, createLimiter, defaultBackend, hitLimit, limitKey } from '@/lib/rate-limit'

const REDIS = '/usr/bin/redis-server'

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

// A real Redis (Debian's redis-server, installed by npm test) on loopback; skipped where it is missing.
describe.skipIf(!existsSync(REDIS))('rate limits in Redis (REDIS_URL)', () => {
  let server: ChildProcess
  let client: Redis
  let url: string

  beforeAll(async () => {
    const port = await freePort()
    url = `redis://127.0.0.1:${port}`
    server = spawn(REDIS, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
    client = new Redis(url, { lazyConnect: true, retryStrategy: (n) => (n > 50 ? null : 100) })
    client.on('error', () => {}) // refused until the server is up
    for (let i = 0; i < 50; i++) {
      try {
        await client.connect()
        break
      } catch {
        await new Promise((r) => setTimeout(r, 50))
      }
    }
  })

  afterAll(async () => {
    client?.disconnect()
    server?.kill()
  })

  it('counts, stops at the limit with the wait, and forgets', async () => {
    const limiter = createLimiter('signIn', { kind: 'redis', client })
    const key = limitKey('redis', crypto.randomUUID())
    for (let i = 0; i < 5; i++) {
      expect(await checkLimit('signIn', key, limiter)).toBeNull()
      await hitLimit('signIn', key, limiter)
    }
    const limited = await checkLimit('signIn', key, limiter)
    expect(limited!.retryAfter).toBeGreaterThan(590)
    expect(await client.exists(`genba:signIn:${key}`)).toBe(1)
    await clearLimit('signIn', key, limiter)
    expect(await checkLimit('signIn', key, limiter)).toBeNull()
  })

  it('is what the app uses when REDIS_URL is set', async () => {
    const before = process.env.REDIS_URL
    process.env.REDIS_URL = url
    try {
      const backend = defaultBackend()
      expect(backend.kind).toBe('redis')
      const key = limitKey('default', crypto.randomUUID())
      expect(await hitLimit('handoff', key)).toBeNull()
      expect(await client.get(`genba:handoff:${key}`)).toBe('1')
      if (backend.kind === 'redis') backend.client.disconnect()
    } finally {
      if (before === undefined) delete process.env.REDIS_URL
      else process.env.REDIS_URL = before
    }
  })
})
