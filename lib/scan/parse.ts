const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * What a scan or a typed entry refers to: a tool's UUID (from our label URL …/scan?id=<uuid>, or a bare
 * UUID) or a tool_code typed by hand. Typed codes are forgiving: full-width characters, lower case,
 * a missing hyphen and missing leading zeros ('a123', 'Ａ－１２３' → 'A-0123').
 */
export function parseScanned(raw: string): { id: string } | { code: string } | null {
  const text = raw.normalize('NFKC').trim()
  if (!text) return null
  if (UUID.test(text)) return { id: text.toLowerCase() }
  if (/^https?:\/\//i.test(text)) {
    try {
      const id = new URL(text).searchParams.get('id') ?? ''
      return UUID.test(id) ? { id: id.toLowerCase() } : null
    } catch {
      return null
    }
  }
  const code = toolCodeFromInput(text)
  return code ? { code } : null
}

export function toolCodeFromInput(input: string): string | null {
  const m = /^([A-Za-z]{1,3})\s*[-‐−ー_ ]?\s*(\d{1,6})$/.exec(input.normalize('NFKC').trim())
  if (!m) return null
  return `${m[1]!.toUpperCase()}-${m[2]!.padStart(4, '0')}`
}
