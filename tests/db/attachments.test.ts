import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { attachToolFile, deleteAttachment } from '@/lib/attachments/commands'
import { listToolAttachments, openFileLink } from '@/lib/attachments/queries'
import { localStorage, s3Storage, type Storage } from '@/lib/storage'
import { getTool, listTools } from '@/lib/tools/queries'
import { openTestDb } from '../support/db'
import { startS3 } from '../support/s3'

const t = await openTestDb()
const dir = mkdtempSync(path.join(os.tmpdir(), 'genba-attach-'))
const s3 = await startS3()
afterAll(async () => {
  await t.close()
  await s3.stop()
  rmSync(dir, { recursive: true, force: true })
})

const A = t.company('demo')
const B = t.company('sakura-denki')
const leader = t.as('demo', 'leader')
const [tool] = await t.admin<{ id: string }>(`select id from tools where organization_id = $1 and deleted_at is null order by tool_code limit 1`, [A.id])
const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#f59e0b' } })
  .jpeg()
  .withMetadata({ exif: { IFD0: { Make: 'GenbaPhone' } } })
  .toBuffer()
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

describe.each<[string, () => Storage]>([
  ['local files', () => localStorage(dir)],
  ['S3 (s3rver)', () => s3Storage({ ...s3, region: 'us-east-1', forcePathStyle: true })],
])('attachments on %s', (_name, make) => {
  const storage = make()

  it('stores a photo without its metadata, with a thumbnail, under the company’s prefix, and serves it by signed link', async () => {
    const result = await t.tenant(leader, (tx) => attachToolFile(tx, storage, { toolId: tool!.id, kind: 'photo', fileName: 'IMG_0001.JPG', bytes: photo }))
    if (!result.ok) throw new Error(result.error.code)
    const a = result.data
    expect(a).toMatchObject({ kind: 'photo', contentType: 'image/jpeg', originalName: 'IMG_0001.JPG', width: 1200, height: 900, uploadedBy: leader.userId })
    expect(a.storageKey.startsWith(`${A.id}/tools/${tool!.id}/`)).toBe(true)
    const stored = await storage.get(a.storageKey)
    expect(stored?.contentType).toBe('image/jpeg')
    expect((await sharp(stored!.body).metadata()).exif).toBeUndefined()
    expect((await sharp((await storage.get(a.thumbnailKey!))!.body).metadata()).width).toBe(320)

    const [listed] = (await t.tenant(t.as('demo', 'viewer'), (tx) => listToolAttachments(tx, { toolId: tool!.id }))).filter((x) => x.id === a.id)
    const link = new URL(listed!.url, 'http://demo.localhost')
    const params = { key: link.pathname.replace('/api/files/', ''), exp: link.searchParams.get('exp'), sig: link.searchParams.get('sig') }
    const opened = await openFileLink(storage, { ...params, organizationId: A.id })
    expect(opened.ok && opened.file.body.equals(stored!.body)).toBe(true)
    expect(await openFileLink(storage, { ...params, organizationId: B.id })).toEqual({ ok: false, reason: 'other-company' })
    expect(await openFileLink(storage, { ...params, sig: 'forged', organizationId: A.id })).toEqual({ ok: false, reason: 'bad-signature' })

    const page = await t.tenant(leader, (tx) => listTools(tx, { limit: 200 }))
    expect(page.items.find((i) => i.id === tool!.id)?.thumbnailKey).not.toBeNull()
    expect((await t.tenant(leader, (tx) => getTool(tx, { id: tool!.id })))!.attachments.some((x) => x.id === a.id)).toBe(true)

    expect(await t.tenant(leader, (tx) => deleteAttachment(tx, storage, { id: a.id }))).toEqual({ ok: true, data: { id: a.id } })
    expect(await storage.get(a.storageKey)).toBeNull()
    expect(await storage.get(a.thumbnailKey!)).toBeNull()
    expect(await openFileLink(storage, { ...params, organizationId: A.id })).toEqual({ ok: false, reason: 'missing' })
  })

  it('judges the type from the content: a PDF manual is fine, a script named .jpg is refused', async () => {
    const manual = await t.tenant(leader, (tx) => attachToolFile(tx, storage, { toolId: tool!.id, kind: 'manual', fileName: '取扱説明書.pdf', bytes: pdf }))
    expect(manual).toMatchObject({ ok: true, data: { contentType: 'application/pdf', thumbnailKey: null } })
    const fake = await t.tenant(leader, (tx) =>
      attachToolFile(tx, storage, { toolId: tool!.id, kind: 'photo', fileName: 'photo.jpg', bytes: Buffer.from('<script>alert(1)</script>') }),
    )
    expect(fake).toEqual({ ok: false, error: { code: 'UNSUPPORTED_FILE_TYPE', details: { detected: null } } })
    const pdfAsPhoto = await t.tenant(leader, (tx) => attachToolFile(tx, storage, { toolId: tool!.id, kind: 'photo', fileName: 'x.jpg', bytes: pdf }))
    expect(pdfAsPhoto).toEqual({ ok: false, error: { code: 'UNSUPPORTED_FILE_TYPE', details: { detected: 'application/pdf' } } })
  })
})

describe('attachment limits and rights', () => {
  const storage = localStorage(dir)

  it('refuses files over the plan’s size and a full quota', async () => {
    const sakura = t.as('sakura-denki', 'leader')
    const [theirTool] = await t.admin<{ id: string }>(`select id from tools where organization_id = $1 and deleted_at is null limit 1`, [B.id])
    const big = Buffer.alloc(10 * 1024 * 1024 + 1)
    pdf.copy(big)
    expect(await t.tenant(sakura, (tx) => attachToolFile(tx, storage, { toolId: theirTool!.id, kind: 'manual', fileName: 'big.pdf', bytes: big }))).toEqual({
      ok: false,
      error: { code: 'FILE_TOO_LARGE', details: { limit: 10 * 1024 * 1024 } },
    })
    await t.admin(`update organizations set max_storage_bytes = 1000 where id = $1`, [B.id])
    expect(await t.tenant(sakura, (tx) => attachToolFile(tx, storage, { toolId: theirTool!.id, kind: 'manual', fileName: 'm.pdf', bytes: pdf }))).toEqual({
      ok: false,
      error: { code: 'STORAGE_FULL', details: { limit: 1000 } },
    })
    await t.admin(`update organizations set max_storage_bytes = null where id = $1`, [B.id])
  })

  it('lets owners, admins and leaders attach; staff and viewers cannot, nor anyone to another company’s tool', async () => {
    for (const role of ['staff', 'viewer'] as const) {
      expect(await t.tenant(t.as('demo', role), (tx) => attachToolFile(tx, storage, { toolId: tool!.id, kind: 'manual', fileName: 'm.pdf', bytes: pdf }))).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
    }
    const [theirTool] = await t.admin<{ id: string }>(`select id from tools where organization_id = $1 limit 1`, [B.id])
    expect(await t.tenant(leader, (tx) => attachToolFile(tx, storage, { toolId: theirTool!.id, kind: 'manual', fileName: 'm.pdf', bytes: pdf }))).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await t.tenant(leader, (tx) => attachToolFile(tx, storage, { toolId: tool!.id, kind: 'photo', fileName: '', bytes: photo }))).toMatchObject({
      ok: false,
      error: { fields: { fileName: 'REQUIRED' } },
    })
    const [seeded] = await t.admin<{ id: string }>(`select id from tool_attachments where organization_id = $1 limit 1`, [A.id])
    expect(await t.tenant(t.as('demo', 'viewer'), (tx) => deleteAttachment(tx, storage, { id: seeded!.id }))).toEqual({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await t.tenant(leader, (tx) => deleteAttachment(tx, storage, { id: crypto.randomUUID() }))).toEqual({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('the demo seed stored real photos and a certificate for both companies', async () => {
    const rows = await t.admin<{ organization_id: string; kind: string }>(`select organization_id, kind from tool_attachments`)
    for (const org of [A.id, B.id]) {
      expect(rows.filter((r) => r.organization_id === org && r.kind === 'photo').length).toBeGreaterThanOrEqual(1)
      expect(rows.filter((r) => r.organization_id === org && r.kind === 'certificate').length).toBe(1)
    }
  })
})
