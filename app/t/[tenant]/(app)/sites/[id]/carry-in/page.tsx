import { notFound } from 'next/navigation'
import { FileText } from 'lucide-react'
import { getFormatter, getTranslations } from 'next-intl/server'
import { requireMember } from '@/lib/auth/member'
import { carryInTools } from '@/lib/carry-in/queries'
import { withTenant } from '@/lib/db'
import { getLocation } from '@/lib/locations/queries'
import { isUuid, todayIso } from '@/lib/validation'
import { formatDate } from '@/components/format'

export async function generateMetadata() {
  const t = await getTranslations('carryIn')
  return { title: t('title') }
}

/** The carry-in notice's form: who submits it, to whom, and which machines (on the site now, or about to be sent). */
export default async function CarryInPage({ params, searchParams }: PageProps<'/t/[tenant]/sites/[id]/carry-in'>) {
  const me = await requireMember()
  const { id } = await params
  // Sent back by the PDF route when something could not be printed: the form comes back as it was filled in.
  const sp = await searchParams
  const typed = (name: string, fallback = '') => (typeof sp[name] === 'string' ? sp[name] : fallback)
  const problem = typed('problem')
  const found = await withTenant(me.ctx, async (tx) => {
    const site = isUuid(id) ? await getLocation(tx, { id }) : null
    return site && site.type === 'site' ? { site, tools: await carryInTools(tx, site.id) } : null
  })
  if (!found) notFound()
  const { site, tools } = found
  const [t, format] = await Promise.all([getTranslations('carryIn'), getFormatter()])
  const today = todayIso()
  // The main contractor, when the company keeps it on the site (the electrical template's 元請会社 field).
  const contractor = typeof site.customFields.prime_contractor === 'string' ? site.customFields.prime_contractor : ''
  return (
    <main className="mx-auto flex w-full max-w-2xl flex-col gap-5">
      <div>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="mt-1 text-lg font-bold">{site.name}</p>
        <p className="mt-1 text-sm text-gray-700">{t('lead')}</p>
      </div>
      {problem ? (
        <p role="alert" className="rounded-lg border-2 border-red-700 bg-red-50 p-3 font-bold text-red-900" data-testid="carry-in-problem">
          {problem === 'unknown' ? t('problemUnknown', { codes: typed('unknown') }) : t('problemInvalid')}
        </p>
      ) : null}
      <form method="get" action={`/sites/${site.id}/carry-in/pdf`} target="_blank" className="card flex flex-col gap-3" data-testid="carry-in-form">
        <input type="hidden" name="chosen" value="1" />
        <label className="flex flex-col gap-1 font-bold">
          {t('submittedOn')}
          <input type="date" name="submittedOn" defaultValue={typed('submittedOn', today)} className="field" required />
        </label>
        <label className="flex flex-col gap-1 font-bold">
          {t('addressee')}
          <input name="addressee" defaultValue={typed('addressee', contractor)} placeholder={t('addresseeHint')} maxLength={80} className="field" />
        </label>
        <div className="grid gap-3 sm:grid-cols-2">
          <label className="flex flex-col gap-1 font-bold">
            {t('company')}
            <input name="company" defaultValue={typed('company', me.tenant.name)} maxLength={80} className="field" required />
          </label>
          <label className="flex flex-col gap-1 font-bold">
            {t('representative')}
            <input name="representative" defaultValue={typed('representative')} maxLength={40} className="field" />
          </label>
        </div>
        <label className="flex flex-col gap-1 font-bold">
          {t('user')}
          <input name="user" defaultValue={typed('user', me.tenant.name)} maxLength={80} className="field" />
        </label>
        <div className="grid gap-3 sm:grid-cols-2">
          <label className="flex flex-col gap-1 font-bold">
            {t('leaveOn')}
            <input type="date" name="leaveOn" defaultValue={typed('leaveOn', site.endsOn ?? '')} className="field" />
          </label>
          <label className="flex flex-col gap-1 font-bold">
            {t('arriveOn')}
            <input type="date" name="arriveOn" defaultValue={typed('arriveOn', today)} className="field" />
          </label>
        </div>
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 font-bold">{t('atSite')}</legend>
          {tools.length === 0 ? <p className="text-gray-700">{t('noneAtSite')}</p> : null}
          {tools.map((tool) => (
            <label key={tool.id} className="flex min-h-12 items-center gap-3 border-b border-gray-200">
              <input type="checkbox" name="tool" value={tool.id} defaultChecked className="size-5" />
              <span>
                <span className="font-mono font-bold">{tool.toolCode}</span> {tool.name}
                <span className="block text-sm text-gray-700">
                  {[tool.manufacturer, tool.modelNumber].filter(Boolean).join(' ')} · {tool.inspectedOn ? t('lastInspection', { date: formatDate(format, tool.inspectedOn) ?? tool.inspectedOn }) : t('notInspected')}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <label className="flex flex-col gap-1 font-bold">
          {t('extra')}
          <input name="extra" defaultValue={typed('extra')} placeholder="A-0001 A-0002" className="field font-mono uppercase" aria-describedby="extra-hint" />
          <span id="extra-hint" className="text-sm font-normal text-gray-700">
            {t('extraHint')}
          </span>
        </label>
        <label className="flex flex-col gap-1 font-bold">
          {t('notes')}
          <textarea name="notes" defaultValue={typed('notes')} maxLength={300} rows={3} className="field min-h-20 py-2" />
        </label>
        <button type="submit" className="btn btn-primary">
          <FileText aria-hidden className="size-5" />
          {t('make')}
        </button>
      </form>
    </main>
  )
}
