import { getTranslations } from 'next-intl/server'
import { AccountTabs } from '@/components/account-tabs'
import { requireMember } from '@/lib/auth/member'
import { requestLocale } from '@/lib/i18n/request-locale'
import { PasswordForm, ProfileForm } from './profile-forms'

export async function generateMetadata() {
  const t = await getTranslations('account')
  return { title: t('title') }
}

export default async function AccountPage() {
  const me = await requireMember()
  const [t, locale] = await Promise.all([getTranslations('account'), requestLocale(me.session.locale)])
  return (
    <main className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <AccountTabs current="/account" />
      <section className="card max-w-xl" aria-labelledby="profile-title">
        <h2 id="profile-title" className="text-xl font-bold">
          {t('profileTitle')}
        </h2>
        <p className="mt-1 break-all text-gray-700">{t('emailIs', { email: me.session.email })}</p>
        <ProfileForm name={me.session.name} locale={locale} />
      </section>
      <section className="card max-w-xl" aria-labelledby="password-title">
        <h2 id="password-title" className="text-xl font-bold">
          {t('passwordTitle')}
        </h2>
        <p className="mt-1 text-gray-700">{t('passwordLead')}</p>
        <PasswordForm email={me.session.email} />
      </section>
    </main>
  )
}
