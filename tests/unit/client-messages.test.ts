import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLIENT_NAMESPACES, clientMessages } from '@/lib/i18n/client-messages'
import ja from '@/messages/ja.json'

const root = path.resolve(import.meta.dirname, '../..')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return sources(full)
    return /\.tsx?$/.test(name) ? [full] : []
  })
}

/** Every namespace a client component names: useTranslations('x'), useErrorText([...]), namespaces: [...]. */
function clientNamespaces(): Map<string, string> {
  const found = new Map<string, string>()
  for (const file of ['app', 'components', 'lib'].flatMap((d) => sources(path.join(root, d)))) {
    const text = readFileSync(file, 'utf8')
    if (!/^['"]use client['"]/m.test(text)) continue
    for (const m of text.matchAll(/useTranslations\(\s*'([^']+)'\s*\)/g)) found.set(m[1]!, file)
    for (const m of text.matchAll(/(?:useErrorText\(|namespaces(?:=\{|:\s*))\[([^\]]*)\]/g)) {
      for (const ns of m[1]!.matchAll(/'([^']+)'/g)) found.set(ns[1]!, file)
    }
  }
  // Namespaces handed to client components as props from server files.
  for (const file of ['app', 'components'].flatMap((d) => sources(path.join(root, d)))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/namespaces=\{\[([^\]]*)\]\}/g)) {
      for (const ns of m[1]!.matchAll(/'([^']+)'/g)) found.set(ns[1]!, file)
    }
  }
  return found
}

describe('client messages', () => {
  it('cover every namespace a client component uses', () => {
    const used = clientNamespaces()
    expect(used.size).toBeGreaterThan(15)
    const covered = (ns: string) => CLIENT_NAMESPACES.some((c) => ns === c || ns.startsWith(`${c}.`))
    const missing = [...used].filter(([ns]) => !covered(ns)).map(([ns, file]) => `${ns} (${path.relative(root, file)})`)
    expect(missing).toEqual([])
  })

  it('pick whole namespaces and nested ones, and leave the server-only ones out', () => {
    const picked = clientMessages(ja)
    expect(picked.tools).toEqual(ja.tools)
    expect(picked.maintenance).toEqual({ settings: ja.maintenance.settings })
    expect(picked.dashboard).toBeUndefined()
    expect(picked.reports).toBeUndefined()
    expect(clientMessages(ja)).toBe(picked)
    expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(ja).length * 0.8)
    expect(clientMessages({ a: { b: 1, c: 2 }, d: 3 }, ['a.b', 'x.y', 'd'])).toEqual({ a: { b: 1 }, d: 3 })
  })
})
