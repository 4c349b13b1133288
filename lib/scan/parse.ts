import { isToolCode, normalizeToolCode } from '../tools/codes'
import { isUuid } from '../validation'

/**
 * What a scan or a typed entry refers to: a tool's UUID (from our label URL …/scan?id=<uuid>, or a bare
 * UUID) or a tool_code typed by hand. Typed codes are forgiving: full-width characters, lower case,
 * a missing hyphen and missing leading zeros ('a123', 'Ａ－１２３' → 'A-0123').
 */
export function parseScanned(raw: string): { id: string } | { code: string } | null {
  const text = raw.normalize('NFKC').trim()
  if (!text) return null
  if (isUuid(text)) return { id: text.toLowerCase() }
  if (/^https?:\/\//i.test(text)) {
    try {
      const id = new URL(text).searchParams.get('id') ?? ''
      return isUuid(id) ? { id: id.toLowerCase() } : null
    } catch {
      return null
    }
  }
  const code = normalizeToolCode(text)
  return isToolCode(code) ? { code } : null
}
