'use server'

import { refresh } from 'next/cache'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { requireMember } from '@/lib/auth/member'
import { forgetCompany } from '@/lib/dashboard/cache'
import { withTenant } from '@/lib/db'
import { invalid } from '@/lib/http/action-results'
import { createSchedule, recordInspection, reportBreakage, updateRepair, updateSchedule } from '@/lib/maintenance/commands'
import { breakageInput, inspectionInput, repairUpdate, scheduleInput, scheduleUpdate } from '@/lib/maintenance/schemas'
import { managementSettingsInput, updateManagementSettings } from '@/lib/maintenance/settings'
import { fail, ok, type Result } from '@/lib/result'
import { getStorage } from '@/lib/storage'
import { findToolIdByCode } from '@/lib/tools/queries'
import { normalizeToolCode } from '@/lib/tools/codes'

const form = (formData: FormData) => Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>

const knownErrors = ['VALIDATION', 'FORBIDDEN', 'NOT_FOUND', 'TOOL_DISPOSED', 'FILE_TOO_LARGE', 'UNSUPPORTED_FILE_TYPE', 'UNREADABLE_IMAGE', 'SCHEDULE_NOT_FOUND', 'INVALID_REFERENCE'] as const

/** A command's result as a form answer: the code's message from `maintenance.errors`, field codes translated. */
async function answer(result: Result<unknown>): Promise<Result> {
  if (result.ok) return ok()
  const [t, tf, tm] = await Promise.all([getTranslations('maintenance.errors'), getTranslations('fieldErrors'), getTranslations('maintenance.fieldErrors')])
  const code = result.error.code
  const message = (knownErrors as readonly string[]).includes(code) ? t(code as (typeof knownErrors)[number]) : t('VALIDATION')
  const fields = Object.fromEntries(
    Object.entries(result.error.fields ?? {}).map(([k, v]) => [k, tm.has(v as never) ? tm(v as never) : tf.has(v as never) ? tf(v as never) : t('VALIDATION')]),
  )
  return fail(code, Object.values(fields)[0] ?? message, fields)
}

async function photoBytes(formData: FormData): Promise<Uint8Array | undefined> {
  const file = formData.get('photo')
  if (!(file instanceof File) || file.size === 0) return undefined
  return new Uint8Array(await file.arrayBuffer())
}

export async function reportAction(_previous: Result | null, formData: FormData): Promise<Result> {
  const me = await requireMember({ atLeast: 'staff' })
  const parsed = breakageInput.safeParse({ ...form(formData), photo: await photoBytes(formData) })
  if (!parsed.success) return invalid(parsed.error)
  const result = await withTenant(me.ctx, (tx) => reportBreakage(tx, getStorage(), parsed.data, { userId: me.ctx.userId }))
  if (!result.ok) return answer(result)
  forgetCompany(me.tenant.id)
  redirect(`/maintenance/repairs/${result.data.id}?reported=1`)
}

export async function updateRepairAction(_previous: Result | null, formData: FormData): Promise<Result> {
  const me = await requireMember({ atLeast: 'leader' })
  const parsed = repairUpdate.safeParse(form(formData))
  if (!parsed.success) return invalid(parsed.error)
  const result = await withTenant(me.ctx, (tx) => updateRepair(tx, parsed.data))
  if (result.ok) {
    forgetCompany(me.tenant.id)
    refresh()
  }
  return answer(result)
}

export async function createScheduleAction(_previous: Result | null, formData: FormData): Promise<Result> {
  const me = await requireMember({ atLeast: 'leader' })
  const fields = form(formData)
  const code = normalizeToolCode(fields.toolCode ?? '')
  const result = await withTenant(me.ctx, async (tx) => {
    const toolId = fields.target === 'tool' ? (code ? await findToolIdByCode(tx, { code }) : null) : null
    if (fields.target === 'tool' && !toolId) return fail('VALIDATION', { fields: { toolCode: code ? 'TOOL_NOT_FOUND' : 'REQUIRED' } })
    const parsed = scheduleInput.safeParse({ ...fields, toolId, categoryId: toolId ? null : fields.categoryId })
    return parsed.success ? createSchedule(tx, parsed.data) : invalid(parsed.error)
  })
  if (result.ok) {
    forgetCompany(me.tenant.id)
    refresh()
  }
  // invalid() answers are already translated; command codes are translated here.
  return !result.ok && result.error.message ? result : answer(result)
}

export async function toggleScheduleAction(_previous: Result | null, formData: FormData): Promise<Result> {
  const me = await requireMember({ atLeast: 'leader' })
  const parsed = scheduleUpdate.safeParse(form(formData))
  if (!parsed.success) return invalid(parsed.error)
  const result = await withTenant(me.ctx, (tx) => updateSchedule(tx, parsed.data))
  if (result.ok) {
    forgetCompany(me.tenant.id)
    refresh()
  }
  return answer(result)
}

export async function inspectAction(_previous: Result | null, formData: FormData): Promise<Result> {
  const me = await requireMember({ atLeast: 'staff' })
  const parsed = inspectionInput.safeParse(form(formData))
  if (!parsed.success) return invalid(parsed.error)
  const result = await withTenant(me.ctx, (tx) => recordInspection(tx, parsed.data, { userId: me.ctx.userId }))
  if (!result.ok) return answer(result)
  forgetCompany(me.tenant.id)
  redirect(`/maintenance/inspect?tool=${result.data.toolId}&done=${result.data.id}`)
}

export async function settingsAction(_previous: Result | null, formData: FormData): Promise<Result> {
  const me = await requireMember({ atLeast: 'admin' })
  const names = formData.getAll('colorName').map(String)
  const hexes = formData.getAll('colorHex').map(String)
  const inspectionColors = names.map((name, i) => ({ name, hex: hexes[i] ?? '' })).filter((c) => c.name.trim() !== '')
  const parsed = managementSettingsInput.safeParse({ ...form(formData), inspectionColors, lumpSumThirds: formData.get('lumpSumThirds') ?? 'false' })
  if (!parsed.success) return invalid(parsed.error)
  const result = await withTenant(me.ctx, (tx) => updateManagementSettings(tx, parsed.data))
  if (result.ok) {
    forgetCompany(me.tenant.id)
    refresh()
  }
  return answer(result)
}
