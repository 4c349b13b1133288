import { getTranslations } from 'next-intl/server'
import { AccountTabs } from '@/components/account-tabs'
import { requireMember } from '@/lib/auth/member'
import { withTenant } from '@/lib/db'
import { twoFactorState } from '@/lib/profile/commands'
import { DisableTwoFactor, EnrolTwoFactor } from './two-factor-forms'

export async function generateMetadata() {
  const t = await getTranslations('twoFactor')
  return { title: t('title') }
}

export default async function SecurityPage() {
  const me = await requireMember()
  const state = await withTenant(me.ctx, (tx) => twoFactorState(tx))
  const t = await getTranslations('twoFactor')
  return (
    <main className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t('pageTitle')}</h1>
      <AccountTabs current="/account/security" />
      <section className="card max-w-xl" aria-labelledby="totp-title">
        <h2 id="totp-title" className="text-xl font-bold">
          {t('title')}
        </h2>
        {state.required && !state.enabled ? (
          <p role="alert" className="mt-3 rounded-lg border-2 border-amber-600 bg-amber-50 p-3 font-bold text-amber-900">
            {t('requiredNotice')}
          </p>
        ) : null}
        <p className="mt-2 text-gray-700">{state.enabled ? t('enabledLead') : t('lead')}</p>
        <p className="mt-2 font-bold" data-testid="two-factor-status">
          {state.enabled ? t('statusOn') : t('statusOff')}
        </p>
        {state.enabled ? <DisableTwoFactor email={me.session.email} /> : <EnrolTwoFactor />}
      </section>
    </main>
  )
}
