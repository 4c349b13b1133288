#!/usr/bin/env node
// The registry this project installs from lacks other platforms' prebuilt binaries (darwin, win32, …), so
// `npm install` leaves them out of package-lock.json while their parents still list them as optional
// dependencies, and `npm ci` then refuses the lock file. This drops those dangling optional entries.
// Run after changing dependencies: npm install && node scripts/prune-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs'

const file = new URL('../package-lock.json', import.meta.url)
const lock = JSON.parse(readFileSync(file, 'utf8'))
const present = new Set(Object.keys(lock.packages).map((p) => p.replace(/^.*node_modules\//, '')))
let dropped = 0
for (const entry of Object.values(lock.packages)) {
  if (!entry.optionalDependencies) continue
  for (const name of Object.keys(entry.optionalDependencies)) {
    if (!present.has(name)) {
      delete entry.optionalDependencies[name]
      dropped++
    }
  }
  if (Object.keys(entry.optionalDependencies).length === 0) delete entry.optionalDependencies
}
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n')
console.log(`package-lock.json: dropped ${dropped} optional dependencies this registry does not have`)
