import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseEnv } from '@/lib/env'
import { localStorage, s3Storage, storageFromEnv, type Storage } from '@/lib/storage'
import { makeThumbnail, normalizePhoto, sniffType } from '@/lib/storage/files'
import { storageLimits } from '@/lib/storage/limits'
import { checkFileLink, signedFileUrl } from '@/lib/storage/signing'
import { startS3 } from '../support/s3'

const org = randomUUID()
const dir = mkdtempSync(path.join(os.tmpdir(), 'genba-local-'))
const s3 = await startS3()
afterAll(async () => {
  await s3.stop()
  rmSync(dir, { recursive: true, force: true })
})

const backends: [string, () => Storage][] = [
  ['local', () => localStorage(dir)],
  ['s3 (s3rver on loopback)', () => s3Storage({ ...s3, region: 'us-east-1', forcePathStyle: true })],
]

describe.each(backends)('storage backend: %s', (_name, make) => {
  let storage: Storage
  beforeAll(() => {
    storage = make()
  })

  it('stores, reads back with its content type, and deletes', async () => {
    const key = `${org}/tools/${randomUUID()}/a.pdf`
    const body = Buffer.from('%PDF-1.4 取扱説明書')
    await storage.put(key, body, 'application/pdf')
    expect(await storage.get(key)).toEqual({ body, contentType: 'application/pdf', size: body.length })
    await storage.delete([key])
    expect(await storage.get(key)).toBeNull()
    await storage.delete([key])
  })

  it('answers null for a key that was never stored', async () => {
    expect(await storage.get(`${org}/tools/none/missing.jpg`)).toBeNull()
  })

  it('refuses keys that do not start with an organisation id or try to climb out', async () => {
    for (const key of ['../etc/passwd', 'tools/a.jpg', `${org}/../x`, `${org}/.hidden`, `/${org}/a`]) {
      await expect(storage.put(key, Buffer.from('x'), 'text/plain'), key).rejects.toThrow(/invalid storage key/)
    }
  })
})

describe('choosing a backend from the environment', () => {
  it('uses S3 when S3_BUCKET is set, else DATA_DIR/uploads', async () => {
    expect(storageFromEnv(parseEnv({ DATA_DIR: dir })).kind).toBe('local')
    const e = parseEnv({ S3_BUCKET: s3.bucket, S3_ENDPOINT: s3.endpoint, S3_REGION: 'us-east-1', S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' })
    const storage = storageFromEnv(e)
    expect(storage.kind).toBe('s3')
    const key = `${org}/env-check.txt`
    await storage.put(key, Buffer.from('ok'), 'text/plain')
    expect((await storage.get(key))?.body.toString()).toBe('ok')
  })

  it('writes local files under the organisation folder', async () => {
    await localStorage(dir).put(`${org}/tools/t1/x.webp`, Buffer.from('RIFF'), 'image/webp')
    expect(readdirSync(path.join(dir, org, 'tools', 't1')).sort()).toEqual(['x.webp', 'x.webp.type'])
  })
})

describe('file types come from the content, not the name', () => {
  it('recognises JPEG, PNG, WebP and PDF, and nothing in plain text or HTML', async () => {
    const img = sharp({ create: { width: 8, height: 8, channels: 3, background: '#c00' } })
    expect(await sniffType(await img.clone().jpeg().toBuffer())).toEqual({ mime: 'image/jpeg', ext: 'jpg' })
    expect(await sniffType(await img.clone().png().toBuffer())).toEqual({ mime: 'image/png', ext: 'png' })
    expect(await sniffType(await img.clone().webp().toBuffer())).toEqual({ mime: 'image/webp', ext: 'webp' })
    expect(await sniffType(Buffer.from('%PDF-1.7\n%âãÏÓ\n'))).toEqual({ mime: 'application/pdf', ext: 'pdf' })
    expect(await sniffType(Buffer.from('<html><script>alert(1)</script></html>'))).toBeNull()
    expect(await sniffType(Buffer.from('管理番号,道具名\n'))).toBeNull()
  })
})

describe('images', () => {
  it('turns a phone photo upright, bounds its size and drops its metadata (GPS)', async () => {
    const raw = await sharp({ create: { width: 3000, height: 1000, channels: 3, background: '#08f' } })
      .jpeg()
      .withMetadata({ orientation: 6, exif: { IFD0: { Make: 'GenbaPhone' } } })
      .toBuffer()
    expect((await sharp(raw).metadata()).exif).toBeDefined()
    const photo = await normalizePhoto(raw, 'image/jpeg')
    expect([photo.width, photo.height]).toEqual([853, 2560])
    const meta = await sharp(photo.body).metadata()
    expect(meta.format).toBe('jpeg')
    expect(meta.exif).toBeUndefined()
    expect(meta.orientation).toBeUndefined()
  })

  it('keeps PNG and WebP in their format and makes a small WebP thumbnail', async () => {
    const png = await sharp({ create: { width: 500, height: 400, channels: 4, background: '#0a0' } }).png().toBuffer()
    expect((await sharp((await normalizePhoto(png, 'image/png')).body).metadata()).format).toBe('png')
    const webp = await sharp({ create: { width: 50, height: 40, channels: 3, background: '#0a0' } }).webp().toBuffer()
    expect((await sharp((await normalizePhoto(webp, 'image/webp')).body).metadata()).format).toBe('webp')
    const thumb = await sharp(await makeThumbnail(png)).metadata()
    expect([thumb.format, thumb.width, thumb.height]).toEqual(['webp', 320, 256])
  })
})

describe('plan storage limits', () => {
  it('gives each plan a file size and a total, the company override winning', () => {
    expect(storageLimits('basic', null)).toEqual({ maxFileBytes: 10 * 1024 ** 2, totalBytes: 1024 ** 3 })
    expect(storageLimits('premium', null).totalBytes).toBe(5 * 1024 ** 3)
    expect(storageLimits('premium', 1234)).toEqual({ maxFileBytes: 25 * 1024 ** 2, totalBytes: 1234 })
    expect(storageLimits('no-such-plan', null)).toEqual(storageLimits('basic', null))
  })
})

describe('signed file links', () => {
  const secret = 'x'.repeat(32)
  const key = `${org}/tools/t/p.jpg`
  const now = Date.UTC(2026, 10, 23, 12)
  const link = signedFileUrl(key, { now, secret, seconds: 300 })
  const params = (url: string) => {
    const u = new URL(url, 'http://x')
    return { key: decodeURIComponent(u.pathname.replace('/api/files/', '')), exp: u.searchParams.get('exp'), sig: u.searchParams.get('sig') }
  }

  it('work for the company whose key it is, until they expire', () => {
    expect(link.startsWith(`/api/files/${key}?exp=`)).toBe(true)
    expect(checkFileLink({ ...params(link), organizationId: org }, { now: now + 299_000, secret })).toBe('ok')
    expect(checkFileLink({ ...params(link), organizationId: org }, { now: now + 301_000, secret })).toBe('expired')
  })

  it('refuse another company, a changed key or expiry, another secret, and garbage', () => {
    expect(checkFileLink({ ...params(link), organizationId: randomUUID() }, { now, secret })).toBe('other-company')
    const p = params(link)
    expect(checkFileLink({ ...p, key: `${org}/tools/t/q.jpg`, organizationId: org }, { now, secret })).toBe('bad-signature')
    expect(checkFileLink({ ...p, exp: String(Number(p.exp) + 3600), organizationId: org }, { now, secret })).toBe('bad-signature')
    expect(checkFileLink({ ...p, organizationId: org }, { now, secret: 'y'.repeat(32) })).toBe('bad-signature')
    expect(checkFileLink({ key, exp: 'soon', sig: 'abc', organizationId: org }, { now, secret })).toBe('bad-signature')
    expect(checkFileLink({ key: '../x', exp: p.exp, sig: p.sig, organizationId: org }, { now, secret })).toBe('bad-signature')
    expect(checkFileLink({ key, exp: p.exp, sig: null, organizationId: org }, { now, secret })).toBe('bad-signature')
  })

  it('use the development key outside production and insist on FILE_URL_SECRET in production', async () => {
    const { fileUrlSecret } = await import('@/lib/env')
    expect(fileUrlSecret(parseEnv({ NODE_ENV: 'test' })).length).toBeGreaterThanOrEqual(32)
    expect(fileUrlSecret(parseEnv({ NODE_ENV: 'production', FILE_URL_SECRET: secret }))).toBe(secret)
    expect(() => fileUrlSecret(parseEnv({ NODE_ENV: 'production' }))).toThrow(/FILE_URL_SECRET/)
    expect(() => parseEnv({ FILE_URL_SECRET: 'short' })).toThrow(/FILE_URL_SECRET/)
  })
})
