import 'server-only'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Tx } from '../db'
import { toolAttachments, tools } from '../db/schema'
import { rows } from '../db/sql'
import { fail, ok, parseInput, type Result } from '../result'
import { attachmentKinds } from '../storage/files'
import { storageLimits } from '../storage/limits'
import type { Storage } from '../storage/types'
import { uuid } from '../validation'
import { storeToolFile, type Attachment } from './store'

export type { Attachment } from './store'


export const attachInput = z.object({
  toolId: uuid,
  kind: z.enum(attachmentKinds, 'INVALID_CHOICE'),
  fileName: z.string().trim().min(1, 'REQUIRED').max(200, 'TOO_LONG'),
  bytes: z.instanceof(Uint8Array, { message: 'REQUIRED' }),
})
export type AttachInput = z.input<typeof attachInput>

/**
 * Attaches a photo or a document to a tool (owners, admins, leaders), within the plan's file size and
 * storage limits: FILE_TOO_LARGE / STORAGE_FULL (details.limit in bytes), UNSUPPORTED_FILE_TYPE.
 */
export async function attachToolFile(tx: Tx, storage: Storage, input: AttachInput): Promise<Result<Attachment>> {
  const parsed = parseInput(attachInput, input)
  if (!parsed.ok) return parsed
  const d = parsed.data
  const [ctx] = await rows<{ org: string | null; user: string | null; editor: boolean; plan: string; max: string | null; used: string }>(
    tx,
    sql`select o.id as org, app.user_id() as user, app.has_role('owner', 'admin', 'leader') as editor, o.plan, o.max_storage_bytes::text as max,
          (select coalesce(sum(a.size_bytes + coalesce(a.thumbnail_size_bytes, 0)), 0)::text from tool_attachments a) as used
        from organizations o where o.id = (select app.org_id())`,
  )
  if (!ctx?.org) return fail('FORBIDDEN')
  if (!ctx.editor) return fail('FORBIDDEN')
  const [tool] = await tx
    .select({ id: tools.id })
    .from(tools)
    .where(and(eq(tools.id, d.toolId), isNull(tools.deletedAt)))
  if (!tool) return fail('NOT_FOUND')
  const limits = storageLimits(ctx.plan, ctx.max === null ? null : Number(ctx.max))
  if (d.bytes.length > limits.maxFileBytes) return fail('FILE_TOO_LARGE', { details: { limit: limits.maxFileBytes } })
  if (Number(ctx.used) + d.bytes.length > limits.totalBytes) return fail('STORAGE_FULL', { details: { limit: limits.totalBytes } })
  return storeToolFile(tx, storage, { organizationId: ctx.org, toolId: d.toolId, kind: d.kind, fileName: d.fileName, bytes: d.bytes, uploadedBy: ctx.user })
}

/** Removes an attachment and its files (owners, admins, leaders). */
export async function deleteAttachment(tx: Tx, storage: Storage, input: { id: string }): Promise<Result<{ id: string }>> {
  const [row] = await tx.select().from(toolAttachments).where(eq(toolAttachments.id, input.id))
  if (!row) return fail('NOT_FOUND')
  const gone = await tx.delete(toolAttachments).where(eq(toolAttachments.id, input.id)).returning({ id: toolAttachments.id })
  if (!gone.length) return fail('FORBIDDEN')
  await storage.delete(row.thumbnailKey ? [row.storageKey, row.thumbnailKey] : [row.storageKey])
  return ok({ id: row.id })
}
