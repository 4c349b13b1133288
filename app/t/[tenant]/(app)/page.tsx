import { getTranslations } from 'next-intl/server'
import { requireTenant } from '@/lib/tenancy/current'

export default async function TenantHome({ params }: PageProps<'/t/[tenant]'>) {
  const tenant = await requireTenant(params)
  const t = await getTranslations('tenant')
  return (
    <main>
      <h1 className="text-2xl font-bold">{t('homeTitle')}</h1>
      <p className="mt-2 text-gray-700">{t('homeLead', { company: tenant.name })}</p>
    </main>
  )
}
