#!/usr/bin/env node
// A git merge driver for the message catalogues (messages/*.json): a three-way merge key by key, so two
// branches that each add their own namespace or keys merge without a conflict. A key changed differently on
// both sides is a real conflict: the driver keeps ours, names the key and exits 1 so git reports it.
// Enable once per clone: git config merge.json.driver 'node scripts/git/merge-json.mjs %O %A %B'
import { readFileSync, writeFileSync } from 'node:fs'

const [basePath, oursPath, theirsPath] = process.argv.slice(2)
const read = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}
const base = read(basePath) ?? {}
const ours = read(oursPath)
const theirs = read(theirsPath)
if (ours === undefined || theirs === undefined) process.exit(1)

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b)
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v)
const conflicts = []

function merge(b, o, t, path) {
  if (same(o, t)) return o
  if (same(o, b)) return t
  if (same(t, b)) return o
  if (isObject(o) && isObject(t)) {
    const baseObj = isObject(b) ? b : {}
    const out = {}
    for (const key of [...Object.keys(o), ...Object.keys(t).filter((k) => !(k in o))]) {
      const merged = merge(baseObj[key], o[key], t[key], [...path, key])
      if (merged !== undefined) out[key] = merged
    }
    return out
  }
  conflicts.push(path.join('.'))
  return o
}

const result = merge(base, ours, theirs, [])
writeFileSync(oursPath, JSON.stringify(result, null, 2) + '\n')
if (conflicts.length) {
  console.error(`merge-json: both sides changed ${conflicts.join(', ')} (kept ours)`)
  process.exit(1)
}
