import 'server-only'
import { asc, eq } from 'drizzle-orm'
import type { Tx } from '../db'
import { toolAttachments } from '../db/schema'
import { signedFileUrl } from '../storage/signing'
import type { Storage, StoredObject } from '../storage/types'
import { checkFileLink, type FileLinkCheck } from '../storage/signing'

/** A tool's photos and documents, each with short-lived links to the file and its thumbnail. */
export async function listToolAttachments(tx: Tx, params: { toolId: string }) {
  const found = await tx
    .select()
    .from(toolAttachments)
    .where(eq(toolAttachments.toolId, params.toolId))
    .orderBy(asc(toolAttachments.displayOrder), asc(toolAttachments.createdAt))
  return found.map((a) => ({ ...a, url: signedFileUrl(a.storageKey), thumbnailUrl: a.thumbnailKey ? signedFileUrl(a.thumbnailKey) : null }))
}

/**
 * For the file route (GET /api/files/[...key]): the object when the link is genuine, unexpired and the key
 * belongs to the member's company; otherwise why not (the route answers 404 for all of them).
 */
export async function openFileLink(
  storage: Storage,
  params: { key: string; exp: string | null; sig: string | null; organizationId: string },
): Promise<{ ok: true; file: StoredObject } | { ok: false; reason: FileLinkCheck | 'missing' }> {
  const check = checkFileLink(params)
  if (check !== 'ok') return { ok: false, reason: check }
  const file = await storage.get(params.key)
  return file ? { ok: true, file } : { ok: false, reason: 'missing' }
}
