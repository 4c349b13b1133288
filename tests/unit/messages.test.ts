import { describe, expect, it } from 'vitest'
import en from '@/messages/en.json'
import ja from '@/messages/ja.json'

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

function leaves(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]]
  return Object.entries(value as object).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort()

describe('message catalogues', () => {
  it('have exactly the same keys in Japanese and English', () => {
    expect(keys(en).sort()).toEqual(keys(ja).sort())
  })

  it('use the same placeholders in both languages and leave nothing empty', () => {
    const english = new Map(leaves(en))
    for (const [key, text] of leaves(ja)) {
      expect(text.trim(), key).not.toBe('')
      expect(english.get(key)?.trim(), key).not.toBe('')
      expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(text))
    }
  })
})
