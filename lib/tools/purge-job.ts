import { withSystem } from '../db'
import { getStorage } from '../storage'
import type { Storage } from '../storage/types'
import { purgeExpiredTools } from './commands'

/**
 * The scheduled trash purge (call it daily from a cron route or job runner): removes every company's tools whose
 * time in the trash has passed its retention, then their files. Privileged and audited (withSystem).
 */
export async function runTrashPurge(options: { now?: Date; storage?: Storage } = {}): Promise<{ count: number; files: number }> {
  const result = await withSystem('scheduled trash purge', (tx) => purgeExpiredTools(tx, { now: options.now }))
  await (options.storage ?? getStorage()).delete(result.storageKeys)
  return { count: result.count, files: result.storageKeys.length }
}
