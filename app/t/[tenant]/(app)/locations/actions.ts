'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { currentMember, type Member } from '@/lib/auth/member'
import { atLeast } from '@/lib/auth/roles'
import { withTenant } from '@/lib/db'
import { closeSite, createLocation, reopenSite, setLocationActive, updateLocation } from '@/lib/locations/commands'
import { closeSiteInput, locationInput, locationUpdate } from '@/lib/locations/schemas'
import { fail, ok, parseInput, type Failure, type Result } from '@/lib/result'
import { uuid } from '@/lib/validation'

/** Places are kept by owners, admins and leaders. */
async function editor(): Promise<Member | null> {
  const m = await currentMember()
  return m && atLeast(m.role, 'leader') ? m : null
}

const refresh = () => revalidatePath('/t/[tenant]', 'layout')

export async function createLocationAction(input: unknown): Promise<Failure> {
  const m = await editor()
  if (!m) return fail('FORBIDDEN')
  const parsed = parseInput(locationInput, input)
  if (!parsed.ok) return parsed
  const result = await withTenant(m.ctx, (tx) => createLocation(tx, parsed.data))
  if (!result.ok) return result
  refresh()
  redirect(`/locations/${result.data.id}`)
}

export async function updateLocationAction(input: unknown): Promise<Failure> {
  const m = await editor()
  if (!m) return fail('FORBIDDEN')
  const parsed = parseInput(locationUpdate, input)
  if (!parsed.ok) return parsed
  const result = await withTenant(m.ctx, (tx) => updateLocation(tx, parsed.data))
  if (!result.ok) return result
  refresh()
  redirect(`/locations/${result.data.id}`)
}

/** Refused with SITE_HAS_TOOLS (and the tools still there) while anything is left at the site. */
export async function closeSiteAction(formData: FormData): Promise<Result<null>> {
  const m = await editor()
  if (!m) return fail('FORBIDDEN')
  const parsed = parseInput(closeSiteInput, { id: formData.get('id'), endsOn: formData.get('endsOn') })
  if (!parsed.ok) return parsed
  const result = await withTenant(m.ctx, (tx) => closeSite(tx, parsed.data))
  if (!result.ok) return result
  refresh()
  return ok(null)
}

export async function reopenSiteAction(formData: FormData): Promise<Result<null>> {
  const m = await editor()
  if (!m) return fail('FORBIDDEN')
  const parsed = parseInput(z.object({ id: uuid }), { id: formData.get('id') })
  if (!parsed.ok) return parsed
  const result = await withTenant(m.ctx, (tx) => reopenSite(tx, parsed.data))
  if (!result.ok) return result
  refresh()
  return ok(null)
}

export async function setLocationActiveAction(formData: FormData): Promise<Result<null>> {
  const m = await editor()
  if (!m) return fail('FORBIDDEN')
  const parsed = parseInput(z.object({ id: uuid, isActive: z.enum(['true', 'false']).transform((v) => v === 'true') }), {
    id: formData.get('id'),
    isActive: formData.get('isActive'),
  })
  if (!parsed.ok) return parsed
  const result = await withTenant(m.ctx, (tx) => setLocationActive(tx, parsed.data))
  if (!result.ok) return result
  refresh()
  return ok(null)
}
