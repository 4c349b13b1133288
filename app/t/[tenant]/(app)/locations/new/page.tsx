import Link from 'next/link'
import { ArrowLeft } from 'lucide-react'
import { getTranslations } from 'next-intl/server'
import { PageHeader } from '@/components/page-header'
import { requireMember } from '@/lib/auth/member'
import { listFieldDefinitions } from '@/lib/custom-fields/queries'
import { withTenant } from '@/lib/db'
import { LocationForm } from '../location-form'
import { fieldsForForm } from '../fields'

export async function generateMetadata() {
  const t = await getTranslations('locations')
  return { title: t('form.newTitle') }
}

export default async function NewLocationPage({ searchParams }: PageProps<'/t/[tenant]/locations/new'>) {
  const member = await requireMember({ atLeast: 'leader' })
  const fields = await withTenant(member.ctx, (tx) => listFieldDefinitions(tx, { entityType: 'location' }))
  const t = await getTranslations('locations')
  const type = (await searchParams).type === 'warehouse' ? 'warehouse' : 'site'
  return (
    <main className="mx-auto max-w-3xl">
      <PageHeader
        title={t('form.newTitle')}
        back={
          <Link href="/locations" className="inline-flex min-h-12 items-center gap-2 self-start font-bold underline">
            <ArrowLeft aria-hidden className="size-5" />
            {t('title')}
          </Link>
        }
      />
      <LocationForm
        mode="create"
        fields={fieldsForForm(fields)}
        defaults={{ type, name: '', address: '', managerName: '', startsOn: '', endsOn: '', notes: '', customFields: {} }}
      />
    </main>
  )
}
