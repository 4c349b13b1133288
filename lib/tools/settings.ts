import 'server-only'
import { z } from 'zod'
import type { Tx } from '../db'
import { attempt } from '../db-errors'
import { registerSettings } from '../db/schema'
import { ok, parseInput, type Result } from '../result'
import { currentOrg } from '../tenant-sql'
import { registerSettingsInput } from './schemas'

export { registerSettingsInput }
export type RegisterSettings = { trashRetentionMonths: number }

export const defaultRegisterSettings: RegisterSettings = { trashRetentionMonths: 36 }

/** The company's register settings, or the defaults when it never saved any. */
export async function getRegisterSettings(tx: Tx): Promise<RegisterSettings> {
  const [row] = await tx.select({ trashRetentionMonths: registerSettings.trashRetentionMonths }).from(registerSettings)
  return row ?? defaultRegisterSettings
}

/** Saves the register settings (owners and admins). */
export async function updateRegisterSettings(tx: Tx, input: z.input<typeof registerSettingsInput>): Promise<Result<RegisterSettings>> {
  const parsed = parseInput(registerSettingsInput, input)
  if (!parsed.ok) return parsed
  const result = await attempt(tx, (sp) =>
    sp
      .insert(registerSettings)
      .values({ organizationId: currentOrg(), ...parsed.data })
      .onConflictDoUpdate({ target: registerSettings.organizationId, set: parsed.data })
      .returning({ trashRetentionMonths: registerSettings.trashRetentionMonths }),
  )
  return result.ok ? ok(result.data[0]!) : result
}
