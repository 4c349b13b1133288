export interface StoredObject {
  body: Buffer
  contentType: string
  size: number
}

/** Where files live. Keys are '<organization id>/…'; both backends refuse anything else that could escape. */
export interface Storage {
  readonly kind: 'local' | 's3'
  put(key: string, body: Buffer, contentType: string): Promise<void>
  /** null when there is no such object. */
  get(key: string): Promise<StoredObject | null>
  /** Deleting what is not there is not an error. */
  delete(keys: string[]): Promise<void>
}

const KEY = /^[0-9a-f-]{36}(\/[A-Za-z0-9][A-Za-z0-9._-]{0,127}){1,6}$/

/** A key both backends accept: the organisation's uuid, then plain path segments (no '..', no leading dots). */
export function assertKey(key: string): string {
  if (!KEY.test(key) || key.includes('..')) throw new Error(`invalid storage key: ${key}`)
  return key
}
