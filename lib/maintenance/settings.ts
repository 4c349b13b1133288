import { z } from 'zod'
import type { Tx } from '../db'
import { attempt } from '../db-errors'
import { managementSettings, type InspectionColor } from '../db/schema'
import { ok, parseInput, type Result } from '../result'
import { currentOrg } from '../tenant-sql'
import { checkbox, wholeNumber } from '../validation'

export interface ManagementSettings {
  longUnreturnedDays: number
  dueSoonDays: number
  inspectionColors: InspectionColor[]
  /** 'YYYY-MM-01': the month that takes the first colour. */
  colorAnchorMonth: string
  depreciationMethod: 'straight_line' | 'declining_balance'
  fiscalYearEndMonth: number
  expenseThreshold: number
  lumpSumThirds: boolean
}

/** DOMAIN-JP.md: the one documented rotation, 緑 → 黄 → 赤 → 白 with January = 緑; companies default to 定率法, years ending in March. */
export const defaultInspectionColors: InspectionColor[] = [
  { name: '緑', hex: '#16a34a' },
  { name: '黄', hex: '#facc15' },
  { name: '赤', hex: '#dc2626' },
  { name: '白', hex: '#ffffff' },
]

export const defaultManagementSettings: ManagementSettings = {
  longUnreturnedDays: 7,
  dueSoonDays: 14,
  inspectionColors: defaultInspectionColors,
  colorAnchorMonth: '2026-01-01',
  depreciationMethod: 'declining_balance',
  fiscalYearEndMonth: 3,
  expenseThreshold: 100_000,
  lumpSumThirds: false,
}

const columns = {
  longUnreturnedDays: managementSettings.longUnreturnedDays,
  dueSoonDays: managementSettings.dueSoonDays,
  inspectionColors: managementSettings.inspectionColors,
  colorAnchorMonth: managementSettings.colorAnchorMonth,
  depreciationMethod: managementSettings.depreciationMethod,
  fiscalYearEndMonth: managementSettings.fiscalYearEndMonth,
  expenseThreshold: managementSettings.expenseThreshold,
  lumpSumThirds: managementSettings.lumpSumThirds,
}

/** The company's settings, or the defaults when it never saved any (tenant tx). */
export async function getManagementSettings(tx: Tx): Promise<ManagementSettings> {
  const [row] = await tx.select(columns).from(managementSettings)
  return row ? { ...row, expenseThreshold: Number(row.expenseThreshold) } : defaultManagementSettings
}

/** The index into a rotation of n colours for a month: (months since the anchor) mod n, never negative. */
export function colorIndex(month: string, anchorMonth: string, n: number): number {
  const months = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1
  return (((months(month) - months(anchorMonth)) % n) + n) % n
}

/** 月例点検色 of a month ('YYYY-MM' or a date in it): colours[(months since anchor) mod n] (DOMAIN-JP.md). */
export function inspectionColor(settings: Pick<ManagementSettings, 'inspectionColors' | 'colorAnchorMonth'>, month: string): InspectionColor {
  const colors = settings.inspectionColors.length ? settings.inspectionColors : defaultInspectionColors
  return colors[colorIndex(month, settings.colorAnchorMonth, colors.length)]!
}

const hex = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'INVALID_COLOR').transform((v) => v.toLowerCase())

export const managementSettingsInput = z.object({
  longUnreturnedDays: wholeNumber(1, 365),
  dueSoonDays: wholeNumber(0, 180),
  inspectionColors: z
    .array(z.object({ name: z.string().trim().min(1, 'REQUIRED').max(10, 'TOO_LONG'), hex }))
    .min(1, 'REQUIRED')
    .max(12, 'TOO_LARGE'),
  /** 'YYYY-MM' or 'YYYY-MM-DD' (the day is ignored). */
  colorAnchorMonth: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/, 'INVALID_DATE')
    .transform((v) => `${v.slice(0, 7)}-01`),
  depreciationMethod: z.enum(['straight_line', 'declining_balance'], 'INVALID_CHOICE'),
  fiscalYearEndMonth: wholeNumber(1, 12),
  expenseThreshold: z.preprocess((v) => Number(v), z.union([z.literal(100_000), z.literal(300_000)], 'INVALID_CHOICE')),
  lumpSumThirds: checkbox,
})
export type ManagementSettingsInput = z.input<typeof managementSettingsInput>

/** Saves the settings (owners and admins; RLS refuses anyone else with FORBIDDEN). */
export async function updateManagementSettings(tx: Tx, input: ManagementSettingsInput): Promise<Result<ManagementSettings>> {
  const parsed = parseInput(managementSettingsInput, input)
  if (!parsed.ok) return parsed
  const result = await attempt(tx, (sp) =>
    sp
      .insert(managementSettings)
      .values({ organizationId: currentOrg(), ...parsed.data })
      .onConflictDoUpdate({ target: managementSettings.organizationId, set: parsed.data })
      .returning(columns),
  )
  if (!result.ok) return result
  const row = result.data[0]!
  return ok({ ...row, expenseThreshold: Number(row.expenseThreshold) })
}
