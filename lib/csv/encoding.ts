import iconv from 'iconv-lite'

export const csvEncodings = ['utf-8', 'shift_jis'] as const
export type CsvEncoding = (typeof csvEncodings)[number]

const BOM = Buffer.from([0xef, 0xbb, 0xbf])

/**
 * The text of a CSV file: UTF-8 (with or without BOM) or Shift_JIS as Japanese Excel writes it (CP932, with
 * NEC and IBM extensions such as ① and ㈱). 'auto' takes UTF-8 when the bytes are valid UTF-8, else CP932.
 */
export function decodeCsv(bytes: Uint8Array, encoding: CsvEncoding | 'auto' = 'auto'): { text: string; encoding: CsvEncoding } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (buf.subarray(0, 3).equals(BOM)) return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' }
  if (encoding === 'utf-8' || (encoding === 'auto' && isUtf8(buf))) return { text: buf.toString('utf8'), encoding: 'utf-8' }
  return { text: iconv.decode(buf, 'cp932'), encoding: 'shift_jis' }
}

function isUtf8(buf: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf)
    return true
  } catch {
    return false
  }
}

/** Bytes that Japanese Excel opens correctly: UTF-8 with a BOM, or CP932 (characters it lacks become '?'). */
export function encodeCsv(text: string, encoding: CsvEncoding): Buffer {
  return encoding === 'utf-8' ? Buffer.concat([BOM, Buffer.from(text, 'utf8')]) : iconv.encode(text, 'cp932')
}
