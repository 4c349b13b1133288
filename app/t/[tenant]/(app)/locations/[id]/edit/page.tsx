import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ArrowLeft } from 'lucide-react'
import { getTranslations } from 'next-intl/server'
import { PageHeader } from '@/components/page-header'
import { requireMember } from '@/lib/auth/member'
import { listFieldDefinitions } from '@/lib/custom-fields/queries'
import { withTenant } from '@/lib/db'
import { getLocation } from '@/lib/locations/queries'
import { fieldsForForm } from '../../fields'
import { LocationForm } from '../../location-form'
import { isUuid } from '@/lib/validation'

export async function generateMetadata() {
  const t = await getTranslations('locations')
  return { title: t('form.editTitle') }
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v))

export default async function EditLocationPage({ params }: PageProps<'/t/[tenant]/locations/[id]/edit'>) {
  const member = await requireMember({ atLeast: 'leader' })
  const { id } = await params
  const data = await withTenant(member.ctx, async (tx) => {
    const place = isUuid(id) ? await getLocation(tx, { id }) : null
    return place ? { place, fields: await listFieldDefinitions(tx, { entityType: 'location' }) } : null
  })
  if (!data) notFound()
  const { place, fields } = data
  const t = await getTranslations('locations')
  return (
    <main className="mx-auto max-w-3xl">
      <PageHeader
        title={t('form.editTitle')}
        back={
          <Link href={`/locations/${place.id}`} className="inline-flex min-h-12 items-center gap-2 self-start font-bold underline">
            <ArrowLeft aria-hidden className="size-5" />
            {place.name}
          </Link>
        }
      />
      <LocationForm
        mode="edit"
        fields={fieldsForForm(fields)}
        defaults={{
          id: place.id,
          type: place.type,
          name: place.name,
          address: str(place.address),
          managerName: str(place.managerName),
          startsOn: str(place.startsOn),
          endsOn: str(place.endsOn),
          notes: str(place.notes),
          customFields: Object.fromEntries(Object.entries(place.customFields).map(([k, v]) => [k, str(v)])),
        }}
      />
    </main>
  )
}
