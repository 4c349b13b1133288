import type { AppError } from '../result'

/** A translator over the whole catalogue with string keys (next-intl's is typed per key; codes are dynamic). */
export interface Translate {
  (key: string, values?: Record<string, string | number>): string
  has(key: string): boolean
}

const MB = 1024 * 1024

/** Bytes as people read them: "10 MB", "1 GB". */
export function formatBytes(bytes: number, locale = 'ja'): string {
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
  return bytes >= 1024 * MB ? `${n.format(bytes / (1024 * MB))} GB` : bytes >= MB ? `${n.format(bytes / MB)} MB` : `${n.format(Math.ceil(bytes / 1024))} KB`
}

/** The placeholders a message may use: the error's plain details (sizes in bytes turned readable). */
function values(error: Pick<AppError, 'code' | 'details'>, locale: string): Record<string, string | number> {
  const out: Record<string, string | number> = {}
  for (const [k, v] of Object.entries(error.details ?? {})) if (typeof v === 'string' || typeof v === 'number') out[k] = v
  if ((error.code === 'FILE_TOO_LARGE' || error.code === 'STORAGE_FULL') && typeof out.limit === 'number') out.limit = formatBytes(out.limit, locale)
  return out
}

/**
 * The message for a command's error code: the first of `namespaces` that has `<ns>.errors.<CODE>`, then the
 * generic `errors.<CODE>`, then `fieldErrors.<CODE>`; an unknown code reads as the generic server error.
 */
export function errorMessage(t: Translate, error: Pick<AppError, 'code' | 'details'>, namespaces: string[] = [], locale = 'ja'): string {
  const keys = [...namespaces.map((ns) => `${ns}.errors.${error.code}`), `errors.${error.code}`, `fieldErrors.${error.code}`]
  const key = keys.find((k) => t.has(k))
  return key ? t(key, values(error, locale)) : t('errors.INTERNAL')
}

/** The message for a field's error code (fieldErrors first, then the namespaces' errors). */
export function fieldErrorMessage(t: Translate, code: string, namespaces: string[] = []): string {
  const key = [`fieldErrors.${code}`, ...namespaces.map((ns) => `${ns}.errors.${code}`)].find((k) => t.has(k))
  return t(key ?? 'fieldErrors.INVALID')
}
