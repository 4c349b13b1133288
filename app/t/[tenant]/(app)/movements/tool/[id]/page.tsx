import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { requireMember } from '@/lib/auth/member'
import { withTenant } from '@/lib/db'
import { movementTool } from '@/lib/movements/queries'
import { ToolHistory } from '../../../_components/tool-history'

export async function generateMetadata() {
  const t = await getTranslations('movementHistory')
  return { title: t('title') }
}

/** One tool's whereabouts and latest moves: a short page a phone can open from anywhere (a scan card, a link). */
export default async function ToolMovementsPage({ params }: PageProps<'/t/[tenant]/movements/tool/[id]'>) {
  const me = await requireMember()
  const { id } = await params
  const tool = await withTenant(me.ctx, (tx) => movementTool(tx, id))
  if (!tool || tool.deletedAt) notFound()
  const t = await getTranslations('movementHistory')
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-4">
      <div>
        <p className="text-3xl font-bold">{tool.toolCode}</p>
        <h1 className="text-xl font-bold">{tool.name}</h1>
      </div>
      <dl className="card grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
        <dt className="font-bold">{t('currentPlace')}</dt>
        <dd>{tool.locationName ?? t('nowhere')}</dd>
        <dt className="font-bold">{t('nowHolder')}</dt>
        <dd>{tool.holderName ?? '—'}</dd>
      </dl>
      <ToolHistory ctx={me.ctx} toolId={tool.id} />
    </main>
  )
}
