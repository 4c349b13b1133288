import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { setDb } from '@/lib/db'
import { localStorage } from '@/lib/storage'
import { runTrashPurge } from '@/lib/tools/purge-job'
import { openTestDb } from '../support/db'

const t = await openTestDb()
const dir = mkdtempSync(path.join(os.tmpdir(), 'genba-purge-'))
setDb(t.db)
afterAll(async () => {
  setDb(undefined)
  await t.close()
  rmSync(dir, { recursive: true, force: true })
})

it('the scheduled purge removes expired trash of every company and its files, and is audited', async () => {
  const storage = localStorage(dir)
  const A = t.company('demo')
  const [trashed] = await t.admin<{ id: string }>(`select id from tools where organization_id = $1 and deleted_at is not null limit 1`, [A.id])
  const key = `${A.id}/tools/${trashed!.id}/manual.pdf`
  await storage.put(key, Buffer.from('%PDF-1.4'), 'application/pdf')
  await t.admin(`insert into tool_attachments (organization_id, tool_id, kind, storage_key, content_type, size_bytes, original_name)
    values ($1::uuid, $2::uuid, 'manual', $3, 'application/pdf', 8, 'manual.pdf')`, [A.id, trashed!.id, key])

  expect(await runTrashPurge({ storage })).toEqual({ count: 0, files: 0 })
  expect(await storage.get(key)).not.toBeNull()

  const result = await runTrashPurge({ storage, now: new Date(Date.now() + 5 * 365 * 86_400_000) })
  expect(result).toEqual({ count: 2, files: 1 })
  expect(await storage.get(key)).toBeNull()
  expect(await t.admin(`select 1 from tools where deleted_at is not null`)).toHaveLength(0)
  expect(await t.admin(`select 1 from audit_logs where action = 'system' and reason = 'scheduled trash purge'`)).toHaveLength(2)
})
