'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { attachToolFile, deleteAttachment } from '@/lib/attachments/commands'
import { currentMember, type Member } from '@/lib/auth/member'
import { atLeast, type Role } from '@/lib/auth/roles'
import { importToolsCsv, previewToolImport, type ImportPreview } from '@/lib/csv/tool-import'
import { withTenant } from '@/lib/db'
import { fail, ok, parseInput, type Failure, type Result } from '@/lib/result'
import { getStorage } from '@/lib/storage'
import { attachmentKinds } from '@/lib/storage/files'
import { createTool, deleteTool, disposeTool, restoreTool, setToolStatus, updateTool } from '@/lib/tools/commands'
import { disposeInput, setStatusInput, toolInput, toolUpdate } from '@/lib/tools/schemas'
import { uuid } from '@/lib/validation'

/** The signed-in member when their role reaches `minimum` (the database refuses anyway; this answers early). */
async function member(minimum: Role): Promise<Member | null> {
  const m = await currentMember()
  return m && atLeast(m.role, minimum) ? m : null
}

const refresh = () => revalidatePath('/t/[tenant]', 'layout')
const idOf = (formData: FormData) => ({ id: formData.get('id') })

export async function createToolAction(input: unknown): Promise<Failure> {
  const m = await member('leader')
  if (!m) return fail('FORBIDDEN')
  const parsed = parseInput(toolInput, input)
  if (!parsed.ok) return parsed
  const result = await withTenant(m.ctx, (tx) => createTool(tx, parsed.data))
  if (!result.ok) return result
  refresh()
  redirect(`/tools/${result.data.id}`)
}

export async function updateToolAction(input: unknown): Promise<Failure> {
  const m = await member('leader')
  if (!m) return fail('FORBIDDEN')
  const parsed = parseInput(toolUpdate, input)
  if (!parsed.ok) return parsed
  const result = await withTenant(m.ctx, (tx) => updateTool(tx, parsed.data))
  if (!result.ok) return result
  refresh()
  redirect(`/tools/${result.data.id}`)
}

/** Staff may set a status too (the database's staff guard allows it). */
export async function setToolStatusAction(formData: FormData): Promise<Result<null>> {
  const m = await member('staff')
  if (!m) return fail('FORBIDDEN')
  const choice = String(formData.get('status') ?? '')
  const parsed = parseInput(setStatusInput, { id: formData.get('id'), ...(choice.startsWith('id:') ? { statusId: choice.slice(3) } : { status: choice }) })
  if (!parsed.ok) return parsed
  const result = await withTenant(m.ctx, (tx) => setToolStatus(tx, parsed.data))
  if (!result.ok) return result
  refresh()
  return ok(null)
}

export async function disposeToolAction(formData: FormData): Promise<Result<null>> {
  const m = await member('leader')
  if (!m) return fail('FORBIDDEN')
  const parsed = parseInput(disposeInput, { id: formData.get('id'), disposedOn: formData.get('disposedOn'), reason: formData.get('reason') })
  if (!parsed.ok) return parsed
  const result = await withTenant(m.ctx, (tx) => disposeTool(tx, parsed.data))
  if (!result.ok) return result
  refresh()
  return ok(null)
}

export async function deleteToolAction(formData: FormData): Promise<Failure> {
  const m = await member('leader')
  if (!m) return fail('FORBIDDEN')
  const parsed = parseInput(z.object({ id: uuid }), idOf(formData))
  if (!parsed.ok) return parsed
  const result = await withTenant(m.ctx, (tx) => deleteTool(tx, parsed.data))
  if (!result.ok) return result
  refresh()
  redirect(`/tools?deleted=${encodeURIComponent(result.data.toolCode)}`)
}

export async function restoreToolAction(formData: FormData): Promise<Result<null>> {
  const m = await member('admin')
  if (!m) return fail('FORBIDDEN')
  const parsed = parseInput(z.object({ id: uuid }), idOf(formData))
  if (!parsed.ok) return parsed
  const result = await withTenant(m.ctx, (tx) => restoreTool(tx, parsed.data))
  if (!result.ok) return result
  refresh()
  return ok(null)
}

const uploadInput = z.object({ toolId: uuid, kind: z.enum(attachmentKinds, 'INVALID_CHOICE'), file: z.instanceof(File, { message: 'REQUIRED' }).refine((f) => f.size > 0, 'REQUIRED') })

/** A photo or document from a file input; its type is read from the bytes, its size held to the plan. */
export async function uploadToolFileAction(formData: FormData): Promise<Result<null>> {
  const m = await member('leader')
  if (!m) return fail('FORBIDDEN')
  const parsed = parseInput(uploadInput, { toolId: formData.get('toolId'), kind: formData.get('kind'), file: formData.get('file') })
  if (!parsed.ok) return parsed
  const { toolId, kind, file } = parsed.data
  const bytes = new Uint8Array(await file.arrayBuffer())
  const result = await withTenant(m.ctx, (tx) => attachToolFile(tx, getStorage(), { toolId, kind, fileName: file.name || kind, bytes }))
  if (!result.ok) return result
  refresh()
  return ok(null)
}

export async function deleteToolFileAction(formData: FormData): Promise<Result<null>> {
  const m = await member('leader')
  if (!m) return fail('FORBIDDEN')
  const parsed = parseInput(z.object({ id: uuid }), idOf(formData))
  if (!parsed.ok) return parsed
  const result = await withTenant(m.ctx, (tx) => deleteAttachment(tx, getStorage(), parsed.data))
  if (!result.ok) return result
  refresh()
  return ok(null)
}

const csvFile = z.object({ file: z.instanceof(File, { message: 'REQUIRED' }).refine((f) => f.size > 0, 'REQUIRED') })

/** Reads the CSV and reports row by row what importing would do; writes nothing. */
export async function previewImportAction(formData: FormData): Promise<Result<ImportPreview>> {
  const m = await member('leader')
  if (!m) return fail('FORBIDDEN')
  const parsed = parseInput(csvFile, { file: formData.get('file') })
  if (!parsed.ok) return parsed
  const bytes = new Uint8Array(await parsed.data.file.arrayBuffer())
  return withTenant(m.ctx, (tx) => previewToolImport(tx, { bytes }))
}

/** Imports the same file again after the preview was confirmed (the preview is not stored). */
export async function importCsvAction(formData: FormData): Promise<Result<{ created: number; updated: number }>> {
  const m = await member('leader')
  if (!m) return fail('FORBIDDEN')
  const parsed = parseInput(csvFile, { file: formData.get('file') })
  if (!parsed.ok) return parsed
  const bytes = new Uint8Array(await parsed.data.file.arrayBuffer())
  const result = await withTenant(m.ctx, (tx) => importToolsCsv(tx, { bytes }))
  if (!result.ok) return result
  refresh()
  return ok({ created: result.data.created, updated: result.data.updated })
}
