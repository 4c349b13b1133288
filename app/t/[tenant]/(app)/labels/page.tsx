import { getFormatter, getTranslations } from 'next-intl/server'
import { listCategories } from '@/lib/categories/queries'
import { requireMember } from '@/lib/auth/member'
import { withTenant } from '@/lib/db'
import { getLabelSettings, labelCounts, listBlankBatches, toolsByIds } from '@/lib/labels/queries'
import { listLocations } from '@/lib/locations/queries'
import { listTools } from '@/lib/tools/queries'
import { saveCalibration } from './actions'
import { LabelForm, type Source } from './label-form'

export async function generateMetadata() {
  const t = await getTranslations('labels')
  return { title: t('title') }
}

const list = (v: string | string[] | undefined) => [v ?? []].flat().flatMap((x) => x.split(',')).filter(Boolean)
const first = (v: string | string[] | undefined) => [v ?? []].flat()[0] ?? ''

/**
 * Label printing (leaders and above). The URL may carry a starting choice: ?tool=<id> (repeatable, from a tool's
 * page), ?category=<id>, ?location=<id>, and ?q= for the tool search.
 */
export default async function LabelsPage({ searchParams }: PageProps<'/t/[tenant]/labels'>) {
  const me = await requireMember({ atLeast: 'leader' })
  const sp = await searchParams
  const q = first(sp.q).slice(0, 100)
  const [settings, categories, places, counts, results, chosen, batches] = await withTenant(me.ctx, async (tx) => [
    await getLabelSettings(tx),
    await listCategories(tx),
    await listLocations(tx, { includeInactive: true }),
    await labelCounts(tx),
    q ? (await listTools(tx, { q, limit: 30 })).items : [],
    await toolsByIds(tx, list(sp.tool)),
    await listBlankBatches(tx),
  ])
  const [t, format] = await Promise.all([getTranslations('labels'), getFormatter()])
  const categoryId = first(sp.category)
  const locationId = first(sp.location)
  const source: Source = categoryId ? 'category' : locationId ? 'location' : 'tools'
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="mt-1 text-gray-700">{t('lead')}</p>
      </div>
      <LabelForm
        initial={{ source, categoryId, locationId, chosen, q, ...settings }}
        results={results.map((r) => ({ id: r.id, toolCode: r.toolCode, name: r.name, place: r.locationName }))}
        categories={categories.map((c) => ({ id: c.id, name: c.name, count: counts.byCategory[c.id] ?? 0 }))}
        places={places.map((p) => ({ id: p.id, name: p.name, count: counts.byLocation[p.id] ?? 0 }))}
        batches={batches.map((b) => ({
          batchId: b.batchId,
          line: t('batchLine', { date: format.dateTime(b.issuedAt, { dateStyle: 'medium', timeStyle: 'short' }), by: b.issuedBy ?? '—', count: b.count, used: b.used }),
        }))}
        saveCalibration={saveCalibration}
      />
    </main>
  )
}
