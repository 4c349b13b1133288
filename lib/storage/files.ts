import { fileTypeFromBuffer } from 'file-type'
import sharp from 'sharp'

export const attachmentKinds = ['photo', 'manual', 'certificate', 'other'] as const
export type AttachmentKind = (typeof attachmentKinds)[number]

const imageTypes = ['image/jpeg', 'image/png', 'image/webp'] as const
const documentTypes = [...imageTypes, 'application/pdf'] as const

/** What each kind of attachment may be, judged from the bytes (never the file name). */
export const allowedTypes: Record<AttachmentKind, readonly string[]> = {
  photo: imageTypes,
  manual: documentTypes,
  certificate: documentTypes,
  other: documentTypes,
}

/** The file's real type from its first bytes, or null when it is nothing we recognise (text, HTML, scripts…). */
export async function sniffType(bytes: Uint8Array): Promise<{ mime: string; ext: string } | null> {
  const found = await fileTypeFromBuffer(bytes)
  return found ? { mime: found.mime, ext: found.ext } : null
}

export const isImage = (mime: string) => (imageTypes as readonly string[]).includes(mime)

export const THUMBNAIL_PX = 320
export const PHOTO_MAX_PX = 2560

/**
 * A photo as stored: turned upright, at most 2560 px, in its own format, without EXIF metadata
 * (phone photos carry the GPS position of wherever they were taken).
 */
export async function normalizePhoto(bytes: Uint8Array, mime: string): Promise<{ body: Buffer; width: number; height: number }> {
  let image = sharp(bytes).rotate().resize(PHOTO_MAX_PX, PHOTO_MAX_PX, { fit: 'inside', withoutEnlargement: true })
  image = mime === 'image/png' ? image.png() : mime === 'image/webp' ? image.webp({ quality: 85 }) : image.jpeg({ quality: 85, mozjpeg: true })
  const { data, info } = await image.toBuffer({ resolveWithObject: true })
  return { body: data, width: info.width, height: info.height }
}

/** A small WebP for lists and cards. */
export async function makeThumbnail(bytes: Uint8Array): Promise<Buffer> {
  return sharp(bytes).rotate().resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 75 }).toBuffer()
}
