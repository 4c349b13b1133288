import 'server-only'
import type { Tx } from '../db'
import { fail, ok, parseInput, type Result } from '../result'
import { scanUrl } from '../urls'
import { todayIso } from '../validation'
import { issueBlankLabels } from './commands'
import { layoutById, perPage, type LayoutId } from './layouts'
import type { LabelContent, LabelJob } from './pdf'
import { blankBatch, labelTools } from './queries'
import { labelRequest, MAX_LABELS } from './schemas'

/** Sheets (or tape labels) a job of `labels` labels takes, starting after `skip` used positions. */
export function sheetCount(layout: LayoutId, labels: number, skip = 0): number {
  const l = layoutById(layout)
  if (labels <= 0) return 0
  return l.kind === 'tape' ? labels : Math.ceil((labels + Math.min(skip, perPage(l) - 1)) / perPage(l))
}

export interface PreparedLabels {
  /** Render with renderLabelsPdf, outside the transaction (a big job takes a while, and holds no locks then). */
  job: LabelJob
  fileName: string
  labels: number
  sheets: number
  /** Set when new blank labels were issued. */
  batchId?: string
}

/**
 * The labels of a request (tools, a category, a location, new blank labels or a blank batch again), for
 * the company `company` at `subdomain`. Issuing blank labels records them in the same transaction.
 * Refusals: VALIDATION, NOTHING_TO_PRINT, TOO_MANY_LABELS, NOT_FOUND (batch), FORBIDDEN.
 */
export async function prepareLabels(
  tx: Tx,
  company: { subdomain: string; name: string; userId: string },
  input: unknown,
  text: { blank: string },
  limits: { maxLabels: number } = { maxLabels: MAX_LABELS },
): Promise<Result<PreparedLabels>> {
  const parsed = parseInput(labelRequest, input)
  if (!parsed.ok) return parsed
  const r = parsed.data
  let contents: LabelContent[]
  let batchId: string | undefined
  let kind = 'labels'
  const blank = (id: string): LabelContent => ({ url: scanUrl(company.subdomain, id), code: null, name: null, company: company.name })
  if (r.source === 'blank') {
    const issued = await issueBlankLabels(tx, { count: r.count, layout: r.layout }, company.userId)
    if (!issued.ok) return issued
    batchId = issued.data.batchId
    contents = issued.data.ids.map(blank)
    kind = 'blank-labels'
  } else if (r.source === 'batch') {
    const batch = await blankBatch(tx, r.batchId)
    if (!batch.ids.length) return fail('NOT_FOUND')
    contents = batch.ids.map(blank)
    kind = 'blank-labels'
  } else {
    const selection = r.source === 'tools' ? { toolIds: r.toolIds } : r.source === 'category' ? { categoryId: r.categoryId } : { locationId: r.locationId }
    const found = await labelTools(tx, selection, limits.maxLabels + 1)
    if (!found.length) return fail('NOTHING_TO_PRINT')
    if (found.length > limits.maxLabels) return fail('TOO_MANY_LABELS', { details: { max: limits.maxLabels } })
    contents = found.map((t) => ({ url: scanUrl(company.subdomain, t.id), code: t.toolCode, name: t.name, company: company.name }))
  }
  return ok({
    job: { layout: r.layout, labels: contents, skip: r.skip, offset: { x: r.offsetX, y: r.offsetY }, blankText: text.blank },
    fileName: `${kind}-${todayIso().replace(/-/g, '')}-${r.layout}.pdf`,
    labels: contents.length,
    sheets: sheetCount(r.layout, contents.length, r.skip),
    batchId,
  })
}
