import { getTranslations } from 'next-intl/server'
import { PageHeader } from '@/components/page-header'
import { requireMember } from '@/lib/auth/member'
import { atLeast } from '@/lib/auth/roles'
import { categoryUsage, listCategories } from '@/lib/categories/queries'
import { withTenant } from '@/lib/db'
import { SettingsBack } from '../back-link'
import { CategoryCreateForm, CategoryRow } from './category-forms'

export async function generateMetadata() {
  const t = await getTranslations('settings')
  return { title: t('categories.title') }
}

export default async function CategoriesPage() {
  const member = await requireMember()
  const data = await withTenant(member.ctx, async (tx) => ({ categories: await listCategories(tx, { includeInactive: true }), usage: await categoryUsage(tx) }))
  const t = await getTranslations('settings')
  const canManage = atLeast(member.role, 'admin')
  return (
    <main className="flex flex-col gap-6">
      <PageHeader
        back={<SettingsBack />}
        title={t('categories.title')}
        lead={
          <>
            {t('categories.lead')}{' '}
            <strong>
              {data.usage.limit === null ? t('categories.usageUnlimited', { used: data.usage.used }) : t('categories.usage', { used: data.usage.used, limit: data.usage.limit })}
            </strong>
          </>
        }
      />
      {canManage ? <CategoryCreateForm /> : <p className="card">{t('readOnly')}</p>}
      <ul className="flex flex-col gap-3" aria-label={t('categories.title')}>
        {data.categories.map((c, i) => (
          <CategoryRow
            key={c.id}
            category={{ id: c.id, name: c.name, codePrefix: c.codePrefix, usefulLifeYears: c.usefulLifeYears, isActive: c.isActive, nextToolCode: c.nextToolCode, toolCount: c.toolCount }}
            first={i === 0}
            last={i === data.categories.length - 1}
            canManage={canManage}
          />
        ))}
      </ul>
    </main>
  )
}
