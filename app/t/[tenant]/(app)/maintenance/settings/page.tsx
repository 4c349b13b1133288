import { getTranslations } from 'next-intl/server'
import { requireMember } from '@/lib/auth/member'
import { withTenant } from '@/lib/db'
import { getManagementSettings } from '@/lib/maintenance/settings'
import { settingsAction } from '../actions'
import { SettingsForm } from './settings-form'

export async function generateMetadata() {
  const t = await getTranslations('maintenance.settings')
  return { title: t('title') }
}

/** The manager's settings (owners, admins): alert thresholds, the inspection colour rotation, depreciation. */
export default async function ManagementSettingsPage() {
  const me = await requireMember({ atLeast: 'admin' })
  const settings = await withTenant(me.ctx, (tx) => getManagementSettings(tx))
  const t = await getTranslations('maintenance.settings')
  return (
    <main className="mx-auto flex w-full max-w-2xl flex-col gap-5">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <SettingsForm settings={settings} action={settingsAction} />
    </main>
  )
}
