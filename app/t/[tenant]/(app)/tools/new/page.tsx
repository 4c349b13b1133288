import Link from 'next/link'
import { ArrowLeft } from 'lucide-react'
import { getTranslations } from 'next-intl/server'
import { PageHeader } from '@/components/page-header'
import { requireMember } from '@/lib/auth/member'
import { withTenant } from '@/lib/db'
import { toolFormOptions } from '../form-data'
import { ToolForm, type ToolFormValues } from '../tool-form'

export async function generateMetadata() {
  const t = await getTranslations('tools')
  return { title: t('form.newTitle') }
}

export default async function NewToolPage({ searchParams }: PageProps<'/t/[tenant]/tools/new'>) {
  const member = await requireMember({ atLeast: 'leader' })
  const options = await withTenant(member.ctx, (tx) => toolFormOptions(tx))
  const t = await getTranslations('tools')
  const wanted = (await searchParams).categoryId
  const first = options.categories.find((c) => c.isActive && c.id === wanted) ?? options.categories.find((c) => c.isActive)
  const warehouse = options.places.find((p) => p.type === 'warehouse')
  const defaults: ToolFormValues = {
    toolCode: '',
    categoryId: first?.id ?? '',
    name: '',
    modelNumber: '',
    manufacturer: '',
    serialNumber: '',
    purchaseDate: '',
    purchasePrice: '',
    usefulLifeYears: '',
    status: 'normal',
    statusId: '',
    currentLocationId: warehouse?.id ?? '',
    currentHolderId: '',
    managementType: 'individual',
    currentQuantity: '',
    unit: '',
    minStockAlert: '',
    customFields: {},
    manualUrl: '',
    notes: '',
  }
  return (
    <main className="mx-auto max-w-3xl">
      <PageHeader
        title={t('form.newTitle')}
        back={
          <Link href="/tools" className="inline-flex min-h-12 items-center gap-2 self-start font-bold underline">
            <ArrowLeft aria-hidden className="size-5" />
            {t('title')}
          </Link>
        }
      />
      <ToolForm mode="create" defaults={defaults} options={options} />
    </main>
  )
}
