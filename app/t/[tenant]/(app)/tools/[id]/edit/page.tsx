import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ArrowLeft } from 'lucide-react'
import { getTranslations } from 'next-intl/server'
import { PageHeader } from '@/components/page-header'
import { requireMember } from '@/lib/auth/member'
import { withTenant } from '@/lib/db'
import { getTool } from '@/lib/tools/queries'
import { toolFormOptions } from '../../form-data'
import { ToolForm, type ToolFormValues } from '../../tool-form'

export async function generateMetadata() {
  const t = await getTranslations('tools')
  return { title: t('form.editTitle') }
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v))

export default async function EditToolPage({ params }: PageProps<'/t/[tenant]/tools/[id]/edit'>) {
  const member = await requireMember({ atLeast: 'leader' })
  const { id } = await params
  const data = await withTenant(member.ctx, async (tx) => {
    const tool = await getTool(tx, { id })
    return tool ? { tool, options: await toolFormOptions(tx, { locationId: tool.currentLocationId }) } : null
  })
  if (!data) notFound()
  const { tool, options } = data
  const t = await getTranslations('tools')
  const defaults: ToolFormValues = {
    id: tool.id,
    toolCode: tool.toolCode,
    categoryId: tool.categoryId,
    name: tool.name,
    modelNumber: str(tool.modelNumber),
    manufacturer: str(tool.manufacturer),
    serialNumber: str(tool.serialNumber),
    purchaseDate: str(tool.purchaseDate),
    purchasePrice: str(tool.purchasePrice),
    usefulLifeYears: str(tool.usefulLifeYears),
    status: tool.status === 'disposed' ? 'normal' : tool.status,
    statusId: str(tool.statusId),
    currentLocationId: str(tool.currentLocationId),
    currentHolderId: str(tool.currentHolderId),
    managementType: tool.managementType,
    currentQuantity: str(tool.currentQuantity),
    unit: str(tool.unit),
    minStockAlert: str(tool.minStockAlert),
    customFields: Object.fromEntries(Object.entries(tool.customFields).map(([k, v]) => [k, str(v)])),
    manualUrl: str(tool.manualUrl),
    notes: str(tool.notes),
  }
  return (
    <main className="mx-auto max-w-3xl">
      <PageHeader
        title={t('form.editTitle')}
        lead={<span className="font-mono text-xl font-black">{tool.toolCode}</span>}
        back={
          <Link href={`/tools/${tool.id}`} className="inline-flex min-h-12 items-center gap-2 self-start font-bold underline">
            <ArrowLeft aria-hidden className="size-5" />
            {tool.name}
          </Link>
        }
      />
      <ToolForm mode="edit" defaults={defaults} options={options} />
    </main>
  )
}
