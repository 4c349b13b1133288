import { getTranslations } from 'next-intl/server'
import { PageHeader } from '@/components/page-header'
import { requireMember } from '@/lib/auth/member'
import { atLeast } from '@/lib/auth/roles'
import { listCategories } from '@/lib/categories/queries'
import { listFieldDefinitions } from '@/lib/custom-fields/queries'
import { industryTemplateNames } from '@/lib/custom-fields/templates'
import { withTenant } from '@/lib/db'
import { SettingsBack } from '../back-link'
import { ApplyTemplateForm, FieldCreateForm, FieldRow } from './field-forms'

export async function generateMetadata() {
  const t = await getTranslations('settings')
  return { title: t('fields.title') }
}

export default async function FieldsPage() {
  const member = await requireMember()
  const data = await withTenant(member.ctx, async (tx) => ({
    tool: await listFieldDefinitions(tx, { entityType: 'tool', includeInactive: true }),
    location: await listFieldDefinitions(tx, { entityType: 'location', includeInactive: true }),
    categories: await listCategories(tx),
  }))
  const t = await getTranslations('settings')
  const canManage = atLeast(member.role, 'admin')
  const categories = data.categories.map((c) => ({ value: c.id, label: `${c.codePrefix} ${c.name}` }))
  return (
    <main className="flex flex-col gap-6">
      <PageHeader back={<SettingsBack />} title={t('fields.title')} lead={t('fields.lead')} />
      {canManage ? (
        <>
          <ApplyTemplateForm templates={industryTemplateNames} categories={categories} />
          <FieldCreateForm categories={categories} />
        </>
      ) : (
        <p className="card">{t('readOnly')}</p>
      )}
      {(['tool', 'location'] as const).map((entity) => (
        <section key={entity} className="card flex flex-col gap-3" aria-labelledby={`fields-${entity}`}>
          <h2 id={`fields-${entity}`} className="text-lg font-bold">
            {t(`fields.for.${entity}`)}
          </h2>
          {data[entity].length === 0 ? <p className="text-gray-700">{t('fields.none')}</p> : null}
          <ul className="flex flex-col gap-2">
            {data[entity].map((f) => (
              <FieldRow
                key={f.id}
                canManage={canManage}
                field={{
                  id: f.id,
                  fieldKey: f.fieldKey,
                  label: f.label,
                  fieldType: f.fieldType,
                  isRequired: f.isRequired,
                  isDueDate: f.isDueDate ?? false,
                  isActive: f.isActive ?? true,
                  displayOrder: f.displayOrder ?? 0,
                  category: categories.find((c) => c.value === f.categoryId)?.label ?? null,
                  choices: (f.options.choices ?? []).map((c) => c.label),
                }}
              />
            ))}
          </ul>
        </section>
      ))}
    </main>
  )
}
