import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { safeNextPath } from '@/lib/auth/schemas'
import { requireTenant } from '@/lib/tenancy/current'
import { CodeForm } from './code-form'

export async function generateMetadata() {
  const t = await getTranslations('twoFactor')
  return { title: t('signInTitle') }
}

export default async function TwoFactorPage({ params, searchParams }: PageProps<'/t/[tenant]/login/two-factor'>) {
  await requireTenant(params)
  const next = (await searchParams).next
  const t = await getTranslations('twoFactor')
  return (
    <section className="card w-full max-w-md">
      <h1 className="text-2xl font-bold">{t('signInTitle')}</h1>
      <p className="mt-2 text-gray-700">{t('signInLead')}</p>
      <CodeForm next={safeNextPath(typeof next === 'string' ? next : null)} />
      <p className="mt-6">
        <Link href="/login" className="font-bold text-blue-800 underline">
          {t('backToSignIn')}
        </Link>
      </p>
    </section>
  )
}
