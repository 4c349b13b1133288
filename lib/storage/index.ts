import path from 'node:path'
import { env, type Env } from '../env'
import { localStorage } from './local'
import { s3Storage } from './s3'
import type { Storage } from './types'

export type { Storage, StoredObject } from './types'
export { localStorage } from './local'
export { s3Storage } from './s3'

/** S3-compatible storage when S3_BUCKET is set, else local files under DATA_DIR/uploads. */
export function storageFromEnv(e: Env = env()): Storage {
  if (e.S3_BUCKET) {
    return s3Storage({
      bucket: e.S3_BUCKET,
      endpoint: e.S3_ENDPOINT,
      region: e.S3_REGION,
      accessKeyId: e.S3_ACCESS_KEY_ID,
      secretAccessKey: e.S3_SECRET_ACCESS_KEY,
      forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
    })
  }
  return localStorage(path.resolve(e.DATA_DIR, 'uploads'))
}

const state = globalThis as unknown as { __genbaStorage?: Storage }

/** The process's storage backend (one S3 client per process). */
export function getStorage(): Storage {
  state.__genbaStorage ??= storageFromEnv()
  return state.__genbaStorage
}
