import { z } from 'zod'
import { isoDate, nullable, optionalText, requiredText, uuid } from '../validation'

export const locationTypes = ['warehouse', 'site'] as const
export type LocationType = (typeof locationTypes)[number]

const fields = {
  type: z.enum(locationTypes, 'INVALID_CHOICE'),
  name: requiredText(80),
  address: optionalText(200),
  managerName: optionalText(60),
  startsOn: nullable(isoDate),
  endsOn: nullable(isoDate),
  notes: optionalText(2000),
  customFields: z.record(z.string(), z.unknown()).optional(),
}

const datesInOrder = (v: { startsOn?: string | null; endsOn?: string | null }) => !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn

export const locationInput = z.object(fields).refine(datesInOrder, { path: ['endsOn'], message: 'ENDS_BEFORE_START' })
export type LocationInput = z.input<typeof locationInput>

export const locationUpdate = z
  .object({ id: uuid, ...fields })
  .partial({ type: true, name: true })
  .refine(datesInOrder, { path: ['endsOn'], message: 'ENDS_BEFORE_START' })
export type LocationUpdate = z.input<typeof locationUpdate>

export const closeSiteInput = z.object({ id: uuid, endsOn: nullable(isoDate) })
export type CloseSiteInput = z.input<typeof closeSiteInput>

export const locationListQuery = z.object({
  type: z.enum(locationTypes).optional(),
  includeInactive: z.boolean().default(false),
  q: z.string().trim().max(100).optional(),
})
export type LocationListQuery = z.input<typeof locationListQuery>
