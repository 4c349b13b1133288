import Link from 'next/link'
import { ArrowLeft } from 'lucide-react'
import { getFormatter, getTranslations } from 'next-intl/server'
import { formatDate } from '@/components/format'
import { PageHeader } from '@/components/page-header'
import { requireMember } from '@/lib/auth/member'
import { atLeast } from '@/lib/auth/roles'
import { withTenant } from '@/lib/db'
import { getRegisterSettings } from '@/lib/tools/settings'
import { listTrash } from '@/lib/tools/queries'
import { RestoreTool } from '../tool-actions'

export async function generateMetadata() {
  const t = await getTranslations('tools')
  return { title: t('trash.title') }
}

export default async function TrashPage() {
  const member = await requireMember()
  const data = await withTenant(member.ctx, async (tx) => ({ items: await listTrash(tx), settings: await getRegisterSettings(tx) }))
  const [t, format] = await Promise.all([getTranslations('tools'), getFormatter()])
  const canRestore = atLeast(member.role, 'admin')
  return (
    <main>
      <PageHeader
        title={t('trash.title')}
        lead={t('trash.lead', { months: data.settings.trashRetentionMonths })}
        back={
          <Link href="/tools" className="inline-flex min-h-12 items-center gap-2 self-start font-bold underline">
            <ArrowLeft aria-hidden className="size-5" />
            {t('title')}
          </Link>
        }
      />
      {data.items.length === 0 ? (
        <p className="card text-lg">{t('trash.empty')}</p>
      ) : (
        <ul className="flex flex-col gap-3" aria-label={t('trash.title')}>
          {data.items.map((item) => (
            <li key={item.id} className="card flex flex-col gap-3 sm:flex-row sm:items-center">
              <div className="min-w-0 flex-1">
                <p className="font-mono text-xl font-black">{item.toolCode}</p>
                <p className="text-lg font-bold">
                  <Link href={`/tools/${item.id}`} className="underline-offset-4 hover:underline">
                    {item.name}
                  </Link>
                </p>
                <p className="text-sm text-gray-700">
                  {t('trash.deletedOn', { date: formatDate(format, item.deletedAt) ?? '' })}・
                  <strong>{t('trash.purgeAfter', { date: formatDate(format, item.purgeAfter) ?? '' })}</strong>
                </p>
              </div>
              {canRestore ? <RestoreTool id={item.id} code={item.toolCode} /> : null}
            </li>
          ))}
        </ul>
      )}
    </main>
  )
}
