import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Tx } from '../db'
import { toolAttachments } from '../db/schema'
import { fail, ok, type Result } from '../result'
import { allowedTypes, isImage, makeThumbnail, normalizePhoto, sniffType, type AttachmentKind } from '../storage/files'
import type { Storage } from '../storage/types'

export type Attachment = typeof toolAttachments.$inferSelect

export interface StoreParams {
  organizationId: string
  toolId: string
  kind: AttachmentKind
  fileName: string
  bytes: Uint8Array
  uploadedBy: string | null
}

/**
 * Checks the type from the content, stores the file (photos upright, without metadata) and its thumbnail,
 * and records the row. Files already stored are removed again if the row cannot be written.
 */
export async function storeToolFile(tx: Tx, storage: Storage, p: StoreParams): Promise<Result<Attachment>> {
  const type = await sniffType(p.bytes)
  if (!type || !allowedTypes[p.kind].includes(type.mime)) return fail('UNSUPPORTED_FILE_TYPE', { details: { detected: type?.mime ?? null } })
  const id = randomUUID()
  const base = `${p.organizationId}/tools/${p.toolId}/${id}`
  let body: Buffer = Buffer.from(p.bytes)
  let width: number | null = null
  let height: number | null = null
  let thumbnail: Buffer | null = null
  try {
    if (p.kind === 'photo') ({ body, width, height } = await normalizePhoto(p.bytes, type.mime))
    if (isImage(type.mime)) thumbnail = await makeThumbnail(body)
  } catch {
    return fail('UNREADABLE_IMAGE')
  }
  const key = `${base}.${type.ext}`
  const thumbnailKey = thumbnail ? `${base}.thumb.webp` : null
  await storage.put(key, body, type.mime)
  if (thumbnail && thumbnailKey) await storage.put(thumbnailKey, thumbnail, 'image/webp')
  try {
    const [row] = await tx.transaction((sp) =>
      sp
        .insert(toolAttachments)
        .values({
          organizationId: p.organizationId,
          id,
          toolId: p.toolId,
          kind: p.kind,
          storageKey: key,
          contentType: type.mime,
          sizeBytes: body.length,
          originalName: p.fileName,
          thumbnailKey,
          thumbnailSizeBytes: thumbnail?.length ?? null,
          width,
          height,
          displayOrder: sql`coalesce((select max(a.display_order) + 1 from tool_attachments a where a.organization_id = ${p.organizationId}
            and a.tool_id = ${p.toolId}), 0)`,
          uploadedBy: p.uploadedBy,
        })
        .returning(),
    )
    return ok(row!)
  } catch (error) {
    await storage.delete(thumbnailKey ? [key, thumbnailKey] : [key])
    throw error
  }
}
