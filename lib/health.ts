import { getDb, withAnonymous } from './db'
import { compareMigrations, readMigrations, type MigrationStatus } from './db/migrate'
import { appliedMigrations } from './db/sql'

export interface HealthReport {
  status: 'ok' | 'degraded'
  database: { reachable: boolean; kind?: 'pglite' | 'postgres'; error?: string }
  migrations: { current: boolean; pending: string[]; changed: string[] } | null
}

/** Whether the database answers and has applied exactly the migrations on disk. */
export async function checkHealth(): Promise<HealthReport> {
  let kind: 'pglite' | 'postgres'
  let status: MigrationStatus
  try {
    kind = (await getDb()).kind
    status = compareMigrations(readMigrations(), await withAnonymous(appliedMigrations))
  } catch (error) {
    return {
      status: 'degraded',
      database: { reachable: false, error: error instanceof Error ? error.message : String(error) },
      migrations: null,
    }
  }
  const current = status.pending.length === 0 && status.changed.length === 0
  return {
    status: current ? 'ok' : 'degraded',
    database: { reachable: true, kind },
    migrations: { current, pending: status.pending, changed: status.changed },
  }
}
