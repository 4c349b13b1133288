import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { RawSql } from './types'

export const migrationsDir = () => path.join(process.cwd(), 'supabase', 'migrations')

export interface MigrationFile {
  name: string
  checksum: string
  sql: string
}

export function readMigrations(dir = migrationsDir()): MigrationFile[] {
  return readdirSync(/*turbopackIgnore: true*/ dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(/*turbopackIgnore: true*/ dir, name), 'utf8')
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') }
    })
}

export class MigrationChangedError extends Error {
  constructor(readonly file: string) {
    super(`Migration ${file} was changed after it was applied. Restore it and add a new migration instead.`)
    this.name = 'MigrationChangedError'
  }
}

const ensureTable = `
  create table if not exists public.schema_migrations (
    name text primary key,
    checksum text not null,
    applied_at timestamptz not null default now()
  );
  revoke all on public.schema_migrations from public;
`

export interface MigrationStatus {
  applied: string[]
  pending: string[]
  changed: string[]
}

/** Compares the files on disk with the rows of schema_migrations. */
export function compareMigrations(files: MigrationFile[], rows: { name: string; checksum: string }[]): MigrationStatus {
  const applied = new Map(rows.map((r) => [r.name, r.checksum]))
  return {
    applied: files.filter((f) => applied.get(f.name) === f.checksum).map((f) => f.name),
    pending: files.filter((f) => !applied.has(f.name)).map((f) => f.name),
    changed: files.filter((f) => applied.has(f.name) && applied.get(f.name) !== f.checksum).map((f) => f.name),
  }
}

/** What the database has applied compared with the files on disk; needs only read access. */
export async function migrationStatus(db: RawSql, files = readMigrations()): Promise<MigrationStatus> {
  const exists = await db.query<{ ok: boolean }>(`select to_regclass('public.schema_migrations') is not null as ok`)
  const rows = exists[0]?.ok ? await db.query<{ name: string; checksum: string }>(`select name, checksum from public.schema_migrations`) : []
  return compareMigrations(files, rows)
}

/**
 * Applies pending migrations in name order, each file in its own transaction.
 * Refuses (throws MigrationChangedError) when a file that was already applied has changed.
 * Safe to run from several processes at once: each file takes an advisory lock and re-checks.
 */
export async function migrate(db: RawSql, files = readMigrations()): Promise<string[]> {
  await db.script(`select pg_advisory_xact_lock(7262001); ${ensureTable}`)
  const status = await migrationStatus(db, files)
  if (status.changed.length > 0) throw new MigrationChangedError(status.changed[0]!)
  const applied: string[] = []
  for (const file of files.filter((f) => status.pending.includes(f.name))) {
    const guard = `
      select pg_advisory_xact_lock(7262001);
      do $guard$ begin
        if exists (select 1 from public.schema_migrations where name = '${file.name.replace(/'/g, "''")}') then
          raise exception 'genba:already-applied';
        end if;
      end $guard$;
    `
    try {
      await db.script(guard + file.sql, {
        text: `insert into public.schema_migrations (name, checksum) values ($1, $2)`,
        params: [file.name, file.checksum],
      })
      applied.push(file.name)
    } catch (error) {
      if (error instanceof Error && error.message.includes('genba:already-applied')) continue
      throw new Error(`Migration ${file.name} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
    }
  }
  return applied
}
