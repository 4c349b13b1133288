import 'server-only'
import { attempt } from '../db-errors'
import type { Tx } from '../db'
import { blankLabels, labelSettings } from '../db/schema'
import { fail, ok, parseInput, type Result } from '../result'
import { currentOrg } from '../tenant-sql'
import type { LayoutId } from './layouts'
import type { LabelSettings } from './queries'
import { labelSettingsInput, MAX_BLANK, type LabelSettingsInput } from './schemas'

/** Saves the company's printer calibration and usual stock (leaders and above). */
export async function saveLabelSettings(tx: Tx, input: LabelSettingsInput | Record<string, unknown>): Promise<Result<LabelSettings>> {
  const parsed = parseInput(labelSettingsInput, input)
  if (!parsed.ok) return parsed
  const values = { offsetXMm: parsed.data.offsetX, offsetYMm: parsed.data.offsetY, layout: parsed.data.layout }
  const saved = await attempt(tx, (sp) =>
    sp
      .insert(labelSettings)
      .values({ organizationId: currentOrg(), ...values })
      .onConflictDoUpdate({ target: labelSettings.organizationId, set: values })
      .returning({ offsetXMm: labelSettings.offsetXMm, offsetYMm: labelSettings.offsetYMm }),
  )
  if (!saved.ok) return saved
  return ok({ offsetXMm: Number(saved.data[0]!.offsetXMm), offsetYMm: Number(saved.data[0]!.offsetYMm), layout: parsed.data.layout })
}

/**
 * Records `count` fresh UUIDs as one batch of blank labels and returns them in print order. Each becomes a
 * tool's id when someone registers a tool with that label.
 */
export async function issueBlankLabels(tx: Tx, input: { count: number; layout: LayoutId }, userId: string): Promise<Result<{ batchId: string; ids: string[] }>> {
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_BLANK) return fail('VALIDATION', { fields: { count: 'TOO_LARGE' } })
  const batchId = crypto.randomUUID()
  const ids = Array.from({ length: input.count }, () => crypto.randomUUID()).sort()
  const inserted = await attempt(tx, (sp) =>
    sp.insert(blankLabels).values(ids.map((id) => ({ organizationId: currentOrg(), id, batchId, layout: input.layout, issuedBy: userId }))),
  )
  return inserted.ok ? ok({ batchId, ids }) : inserted
}
