import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { requireTenant } from '@/lib/tenancy/current'
import { ForgotForm } from './forgot-form'

export async function generateMetadata() {
  const t = await getTranslations('forgot')
  return { title: t('title') }
}

export default async function ForgotPasswordPage({ params }: PageProps<'/t/[tenant]/forgot-password'>) {
  const tenant = await requireTenant(params)
  const t = await getTranslations('forgot')
  return (
    <section className="card w-full max-w-md">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-gray-700">{t('lead', { company: tenant.name })}</p>
      <ForgotForm />
      <p className="mt-6">
        <Link href="/login" className="font-bold text-blue-800 underline">
          {t('backToSignIn')}
        </Link>
      </p>
    </section>
  )
}
