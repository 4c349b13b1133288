import { z } from 'zod'

/** A category's code prefix: one to three capital letters (A, B, … or EL, MS). */
export const CODE_PREFIX = /^[A-Z]{1,3}$/
/** A tool_code: prefix, hyphen, at least four digits (A-0123); what the database's check constraint allows. */
export const TOOL_CODE = /^[A-Z]{1,3}-[0-9]{4,6}$/

export const codePrefixSchema = z.preprocess(
  (v) => (typeof v === 'string' ? v.normalize('NFKC').trim().toUpperCase() : v),
  z.string().regex(CODE_PREFIX, 'INVALID_CODE_PREFIX'),
)

export const toolCodeSchema = z.preprocess(
  (v) => (typeof v === 'string' ? normalizeToolCode(v) : v),
  z.string().regex(TOOL_CODE, 'INVALID_TOOL_CODE'),
)

/** The code the counter's n-th tool gets: four digits, more once a category passes 9999 (as app.allocate_tool_code). */
export function formatToolCode(prefix: string, n: number): string {
  if (!CODE_PREFIX.test(prefix)) throw new Error(`invalid code prefix ${prefix}`)
  if (!Number.isInteger(n) || n < 1) throw new Error(`invalid code number ${n}`)
  return `${prefix}-${String(n).padStart(4, '0')}`
}

/** What people type (full-width, lower case, 'a0123', 'a 123') turned into the canonical form where it can be. */
export function normalizeToolCode(input: string): string {
  const s = input.normalize('NFKC').trim().toUpperCase().replace(/[\s‐‑–—−ー_]/g, '-')
  const m = /^([A-Z]{1,3})-*([0-9]{1,6})$/.exec(s)
  if (!m) return s
  return `${m[1]}-${m[2]!.padStart(4, '0')}`
}

export function isToolCode(value: string): boolean {
  return TOOL_CODE.test(value)
}

/** Prefix and number of a canonical code, or null. */
export function parseToolCode(code: string): { prefix: string; number: number } | null {
  const m = /^([A-Z]{1,3})-([0-9]{4,6})$/.exec(code)
  return m ? { prefix: m[1]!, number: Number(m[2]) } : null
}
