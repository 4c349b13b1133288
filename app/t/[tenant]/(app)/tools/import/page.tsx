import Link from 'next/link'
import { ArrowLeft } from 'lucide-react'
import { getTranslations } from 'next-intl/server'
import { PageHeader } from '@/components/page-header'
import { requireMember } from '@/lib/auth/member'
import { ImportForm } from './import-form'

export async function generateMetadata() {
  const t = await getTranslations('csv')
  return { title: t('import.title') }
}

export default async function ImportPage() {
  await requireMember({ atLeast: 'leader' })
  const [t, tt] = await Promise.all([getTranslations('csv'), getTranslations('tools')])
  return (
    <main className="mx-auto max-w-5xl">
      <PageHeader
        title={t('import.title')}
        lead={t('import.lead')}
        back={
          <Link href="/tools" className="inline-flex min-h-12 items-center gap-2 self-start font-bold underline">
            <ArrowLeft aria-hidden className="size-5" />
            {tt('title')}
          </Link>
        }
      />
      <ImportForm />
    </main>
  )
}
