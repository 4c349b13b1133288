#!/usr/bin/env node
// `npm test`: installs what the tests need (when it can), then type check, lint, unit and database tests
// on PGlite and Postgres with coverage of lib/, the production build, and end-to-end tests in Chromium.
// The last line is the total over every suite: "N passed, N failed, N skipped".
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { ensurePostgres, ensureSystemPackages, quiet, sh } from './lib/system.mjs'

const root = path.resolve(import.meta.dirname, '..')
process.env.NEXT_TELEMETRY_DISABLED = '1'
process.chdir(root)
const bin = (name) => path.join(root, 'node_modules', '.bin', name)
const results = []
const started = Date.now()

function step(name, command, args, options) {
  console.log(`\n━━ ${name} ━━`)
  const t = Date.now()
  const status = sh(command, args, options)
  return { status, seconds: ((Date.now() - t) / 1000).toFixed(1) }
}

function record(suite, passed, failed, skipped, seconds, note = '') {
  results.push({ suite, passed, failed, skipped, seconds, note })
}

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

ensureSystemPackages()
ensurePostgres()
mkdirSync('test-results', { recursive: true })

{
  const typegen = quiet(bin('next'), ['typegen'])
  const r = typegen.status === 0 ? step('type check', bin('tsc'), ['--noEmit']) : { status: 1, seconds: '0' }
  if (typegen.status !== 0) console.log(typegen.out)
  record('typecheck', r.status === 0 ? 1 : 0, r.status === 0 ? 0 : 1, 0, r.seconds)
}
{
  const r = step('lint', bin('eslint'), ['.', '--max-warnings=0'])
  record('lint', r.status === 0 ? 1 : 0, r.status === 0 ? 0 : 1, 0, r.seconds)
}
{
  rmSync('test-results/vitest.json', { force: true })
  const r = step('unit + database (PGlite, Postgres) with coverage of lib/', bin('vitest'), [
    'run',
    '--coverage',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=test-results/vitest.json',
  ])
  const report = readJson('test-results/vitest.json')
  if (!report) record('vitest', 0, 1, 0, r.seconds, 'no report')
  else {
    const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
    record('vitest', report.numPassedTests, report.numFailedTests, skipped, r.seconds)
    const summary = readJson('coverage/coverage-summary.json')?.total
    const lines = summary?.lines?.pct
    // A coverage threshold miss fails vitest without failing a test: count it as a failed check.
    const coverageOk = r.status === 0 || report.numFailedTests > 0
    record('coverage lib/', coverageOk ? 1 : 0, coverageOk ? 0 : 1, 0, '-', lines === undefined ? '' : `lines ${lines}%`)
  }
}
{
  const r = step('production build', bin('next'), ['build'])
  record('build', r.status === 0 ? 1 : 0, r.status === 0 ? 0 : 1, 0, r.seconds)
  if (r.status === 0) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'genba-e2e-'))
    rmSync('test-results/e2e.json', { force: true })
    const e2e = step('end-to-end (Chromium)', bin('playwright'), ['test'], { env: { ...process.env, E2E_DATA_DIR: dataDir } })
    const report = readJson('test-results/e2e.json')
    const stats = report?.stats
    if (!stats) record('e2e', 0, 1, 0, e2e.seconds, 'no report')
    else record('e2e', stats.expected + stats.flaky, stats.unexpected, stats.skipped, e2e.seconds, stats.flaky ? `${stats.flaky} flaky` : '')
    rmSync(dataDir, { recursive: true, force: true })
  } else {
    record('e2e', 0, 1, 0, '0', 'not run: build failed')
  }
}

const total = results.reduce((a, r) => ({ passed: a.passed + r.passed, failed: a.failed + r.failed, skipped: a.skipped + r.skipped }), { passed: 0, failed: 0, skipped: 0 })
console.log('\n━━ summary ━━')
console.log('suite            passed  failed  skipped  seconds  note')
for (const r of results) {
  console.log(`${r.suite.padEnd(16)} ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${String(r.skipped).padStart(7)}  ${String(r.seconds).padStart(7)}  ${r.note}`)
}
console.log(`total time ${((Date.now() - started) / 1000).toFixed(0)} s`)
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`)
process.exit(total.failed > 0 ? 1 : 0)
