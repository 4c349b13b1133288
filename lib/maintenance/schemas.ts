import { z } from 'zod'
import { inspectionResults, repairStatuses, scheduleKinds } from '../db/schema'
import { blank, checkbox, isoDate, nullable, optionalText, requiredText, uuid, wholeNumber, yen } from '../validation'


/** A breakage reported on site (故障報告): what is wrong, and a photo if one was taken. */
export const breakageInput = z.object({
  toolId: uuid,
  problem: requiredText(1000),
  photo: z.preprocess((v) => (v instanceof Uint8Array && v.length === 0 ? undefined : v), z.instanceof(Uint8Array).optional()),
  photoName: optionalText(200),
})
export type BreakageInput = z.input<typeof breakageInput>

/** A repair's progress, as a leader records it: only what is given changes. */
export const repairUpdate = z.object({
  id: uuid,
  status: z.enum(repairStatuses, 'INVALID_CHOICE').optional(),
  vendor: optionalText(100),
  cost: nullable(yen),
  sentOn: nullable(isoDate),
  completedOn: nullable(isoDate),
  resolution: optionalText(1000),
})
export type RepairUpdate = z.input<typeof repairUpdate>

const scheduleFields = {
  name: requiredText(60),
  kind: z.enum(scheduleKinds, 'INVALID_CHOICE'),
  toolId: nullable(uuid),
  categoryId: nullable(uuid),
  intervalMonths: wholeNumber(1, 120),
  startsOn: isoDate,
  usesColor: checkbox,
  notes: optionalText(500),
}

const oneTarget = (v: { toolId?: string | null; categoryId?: string | null }) => !v.toolId !== !v.categoryId

/** A recurring inspection for one tool or a whole category (never both). */
export const scheduleInput = z
  .object({ ...scheduleFields, kind: scheduleFields.kind.default('inspection'), usesColor: scheduleFields.usesColor.default(false) })
  .refine(oneTarget, { path: ['categoryId'], message: 'ONE_TARGET' })
export type ScheduleInput = z.input<typeof scheduleInput>

export const scheduleUpdate = z.object({
  id: uuid,
  name: scheduleFields.name.optional(),
  intervalMonths: scheduleFields.intervalMonths.optional(),
  startsOn: scheduleFields.startsOn.optional(),
  usesColor: scheduleFields.usesColor.optional(),
  notes: scheduleFields.notes,
  isActive: checkbox.optional(),
})
export type ScheduleUpdate = z.input<typeof scheduleUpdate>

/** One inspection done: today unless given. */
export const inspectionInput = z.object({
  toolId: uuid,
  scheduleId: z.preprocess(blank, uuid.optional()),
  performedOn: nullable(isoDate),
  result: z.enum(inspectionResults, 'INVALID_CHOICE'),
  note: optionalText(500),
})
export type InspectionInput = z.input<typeof inspectionInput>

export const repairListQuery = z.object({
  status: z.enum(['open', ...repairStatuses]).optional().catch(undefined),
  toolId: uuid.optional().catch(undefined),
})
export type RepairListQuery = z.input<typeof repairListQuery>
