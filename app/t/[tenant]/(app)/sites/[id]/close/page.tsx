import Link from 'next/link'
import { notFound } from 'next/navigation'
import { FileText } from 'lucide-react'
import { getFormatter, getTranslations } from 'next-intl/server'
import { requireMember } from '@/lib/auth/member'
import { atLeast } from '@/lib/auth/roles'
import { withTenant } from '@/lib/db'
import { siteCloseOut, type LeftItem } from '@/lib/locations/close-out'
import { closeAction, forceCloseAction, remindAction } from './actions'
import { ButtonForm, ForceCloseForm } from './close-forms'

export async function generateMetadata() {
  const t = await getTranslations('closeOut')
  return { title: t('title') }
}

/**
 * 現場の撤収: every tool still at the site with whoever has it, a request to bring them back, and the close —
 * refused while anything is there, unless an owner or admin closes it anyway with a reason.
 */
export default async function CloseOutPage({ params }: PageProps<'/t/[tenant]/sites/[id]/close'>) {
  const me = await requireMember({ atLeast: 'leader' })
  const { id } = await params
  const found = await withTenant(me.ctx, (tx) => siteCloseOut(tx, id))
  if (!found) notFound()
  const { site, items } = found
  const [t, format] = await Promise.all([getTranslations('closeOut'), getFormatter()])
  const groups = new Map<string, { name: string; items: LeftItem[] }>()
  for (const i of items) {
    const key = i.holderId ?? ''
    if (!groups.has(key)) groups.set(key, { name: i.holderName ?? t('noHolder'), items: [] })
    groups.get(key)!.items.push(i)
  }

  return (
    <main className="mx-auto flex w-full max-w-3xl flex-col gap-5">
      <div>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="mt-1 text-lg font-bold">{site.name}</p>
        <p className="text-gray-700">
          {site.address ?? ''}
          {site.endsOn ? ` · ${t('endsOn', { date: format.dateTime(new Date(`${site.endsOn}T00:00:00+09:00`), { dateStyle: 'medium' }) })}` : ''}
        </p>
        {!site.isActive ? (
          <p role="status" className="mt-2 rounded-lg border-2 border-gray-500 bg-gray-100 p-3 font-bold" data-testid="closed">
            {t('closed')}
          </p>
        ) : null}
      </div>
      <Link href={`/sites/${site.id}/carry-in`} className="btn btn-secondary self-start">
        <FileText aria-hidden className="size-5" />
        {t('carryIn')}
      </Link>

      <section className="card" aria-labelledby="left-title">
        <h2 id="left-title" className="text-xl font-bold" data-testid="left-count">
          {items.length ? t('stillThere', { count: items.length }) : t('nothingLeft')}
        </h2>
        {[...groups.values()].map((g) => (
          <div key={g.name} className="mt-4">
            <h3 className="font-bold">{t('holder', { name: g.name, count: g.items.length })}</h3>
            <ul className="mt-1 divide-y divide-gray-200" data-testid="left-items">
              {g.items.map((i) => (
                <li
                  key={i.toolId}
                  className="flex flex-wrap items-center justify-between gap-2 py-2"
                  data-tool-id={i.toolId}
                  data-type={i.managementType}
                  data-quantity={i.quantity}
                >
                  <Link href={`/tools/${i.toolId}`} className="min-h-12 py-1">
                    <span className="font-mono text-lg font-bold">{i.toolCode}</span> <span className="underline">{i.name}</span>
                    {i.managementType === 'quantity' ? <span className="ml-1 font-bold">×{format.number(i.quantity)}{i.unit ?? ''}</span> : null}
                  </Link>
                  {i.days !== null ? <span className="text-sm text-gray-700">{t('days', { days: i.days })}</span> : null}
                </li>
              ))}
            </ul>
          </div>
        ))}
        {items.length && site.isActive ? (
          <div className="mt-4">
            <ButtonForm action={remindAction} hidden={{ id: site.id }} label={t('remind')} success={t('reminded')} testId="remind" />
          </div>
        ) : null}
      </section>

      {site.isActive ? (
        <section className="card flex flex-col gap-4" aria-labelledby="close-title">
          <h2 id="close-title" className="text-xl font-bold">
            {t('closeTitle')}
          </h2>
          <p className="text-gray-700">{items.length ? t('closeBlocked') : t('closeReady')}</p>
          <ButtonForm action={closeAction} hidden={{ id: site.id }} label={t('close')} success={t('closedNow')} className="btn btn-primary" testId="close" />
          {atLeast(me.role, 'admin') && items.length ? <ForceCloseForm action={forceCloseAction} siteId={site.id} /> : null}
        </section>
      ) : null}
    </main>
  )
}
