import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import type { TestProject } from 'vitest/node'
import { openPglite, openPostgres } from '@/lib/db/client'
import { migrate } from '@/lib/db/migrate'
import { seedDemo, type SeededCompany } from '@/lib/db/seed'
import { randomBytes } from 'node:crypto'
import { databaseUrl, templateDb, type DbTemplate } from '../support/db-urls'

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: DbTemplate
  }
}

const companiesOf = (seeded: SeededCompany[]) => seeded.map((c) => ({ id: c.id, subdomain: c.subdomain, members: c.members }))

/** Migrates and seeds one template database per run; every test file then starts from a copy of it. */
export default async function setup(project: TestProject) {
  if (project.name === 'db-postgres') {
    const adminUrl = process.env.TEST_DATABASE_ADMIN_URL!
    const appUrl = process.env.DATABASE_URL_TEST
    if (!appUrl) throw new Error('DATABASE_URL_TEST is not set: the Postgres suite needs the unprivileged app role (see README).')
    const run = randomBytes(4).toString('hex')
    const template = templateDb(run)
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
    await admin.unsafe(`create database ${template}`)
    const appRole = decodeURIComponent(new URL(appUrl).username)
    const db = await openPostgres({ url: databaseUrl(appUrl, template), adminUrl: databaseUrl(adminUrl, template), max: 2 })
    await migrate(db.admin!)
    await admin.unsafe(`grant authenticated, genba_system to ${appRole}`)
    const seeded = await seedDemo(db)
    await db.close()
    await admin.end()
    project.provide('dbTemplate', { kind: 'postgres', adminUrl, appUrl, run, companies: companiesOf(seeded) })
    return async () => {
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} })
      const ours = await cleanup<{ datname: string }[]>`select datname from pg_database where datname like ${`genba_t_${run}_%`}`
      for (const { datname } of ours) await cleanup.unsafe(`drop database if exists ${datname} with (force)`)
      await cleanup.end()
    }
  }
  const db = await openPglite()
  await migrate(db.admin!)
  const seeded = await seedDemo(db)
  const dump = await (await db.dump!()).arrayBuffer()
  await db.close()
  const dir = path.join(os.tmpdir(), 'genba-test')
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `template-${process.pid}.tgz`)
  writeFileSync(file, Buffer.from(dump))
  project.provide('dbTemplate', { kind: 'pglite', dump: file, companies: companiesOf(seeded) })
}
