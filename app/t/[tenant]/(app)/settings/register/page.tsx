import { getTranslations } from 'next-intl/server'
import { PageHeader } from '@/components/page-header'
import { requireMember } from '@/lib/auth/member'
import { atLeast } from '@/lib/auth/roles'
import { withTenant } from '@/lib/db'
import { getRegisterSettings } from '@/lib/tools/settings'
import { SettingsBack } from '../back-link'
import { RegisterSettingsForm } from './register-form'

export async function generateMetadata() {
  const t = await getTranslations('settings')
  return { title: t('register.title') }
}

export default async function RegisterSettingsPage() {
  const member = await requireMember()
  const settings = await withTenant(member.ctx, (tx) => getRegisterSettings(tx))
  const t = await getTranslations('settings')
  return (
    <main className="flex flex-col gap-6">
      <PageHeader back={<SettingsBack />} title={t('register.title')} lead={t('register.lead')} />
      {atLeast(member.role, 'admin') ? (
        <RegisterSettingsForm months={settings.trashRetentionMonths} />
      ) : (
        <p className="card text-lg">{t('register.current', { months: settings.trashRetentionMonths })}</p>
      )}
    </main>
  )
}
