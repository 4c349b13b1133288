import { createHmac, timingSafeEqual } from 'node:crypto'
import { fileUrlSecret } from '../env'
import { assertKey } from './types'

/** How long a file link works: long enough to load a page of photos, short enough that a copied link soon dies. */
export const FILE_LINK_SECONDS = 300

const signature = (key: string, exp: number, secret: string) => createHmac('sha256', secret).update(`${key}\n${exp}`).digest('base64url')

/** '/api/files/<key>?exp=&sig=': the only way a browser gets a file; the route checks this and the member's company. */
export function signedFileUrl(key: string, options: { seconds?: number; now?: number; secret?: string } = {}): string {
  const exp = Math.floor((options.now ?? Date.now()) / 1000) + (options.seconds ?? FILE_LINK_SECONDS)
  const sig = signature(assertKey(key), exp, options.secret ?? fileUrlSecret())
  return `/api/files/${key}?exp=${exp}&sig=${sig}`
}

export type FileLinkCheck = 'ok' | 'expired' | 'bad-signature' | 'other-company'

/** Whether a file link is genuine, unexpired and for the asking member's company (keys start with its id). */
export function checkFileLink(
  params: { key: string; exp: string | number | null; sig: string | null; organizationId: string },
  options: { now?: number; secret?: string } = {},
): FileLinkCheck {
  const exp = Number(params.exp)
  if (!params.sig || !Number.isInteger(exp)) return 'bad-signature'
  let expected: Buffer
  try {
    expected = Buffer.from(signature(assertKey(params.key), exp, options.secret ?? fileUrlSecret()))
  } catch {
    return 'bad-signature'
  }
  const given = Buffer.from(params.sig)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad-signature'
  if (exp < Math.floor((options.now ?? Date.now()) / 1000)) return 'expired'
  if (!params.key.startsWith(params.organizationId + '/')) return 'other-company'
  return 'ok'
}
