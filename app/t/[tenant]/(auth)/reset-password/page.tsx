import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { resetTokenValid } from '@/lib/auth/password-reset'
import { withAnonymous } from '@/lib/db'
import { requireTenant } from '@/lib/tenancy/current'
import { ResetForm } from './reset-form'

export async function generateMetadata() {
  const t = await getTranslations('reset')
  return { title: t('title') }
}

export default async function ResetPasswordPage({ params, searchParams }: PageProps<'/t/[tenant]/reset-password'>) {
  const tenant = await requireTenant(params)
  const raw = (await searchParams).token
  const token = typeof raw === 'string' && raw.length <= 100 ? raw : ''
  const t = await getTranslations('reset')
  const valid = token ? await withAnonymous((tx) => resetTokenValid(tx, tenant.id, token)) : false
  return (
    <section className="card w-full max-w-md">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      {valid ? (
        <>
          <p className="mt-2 text-gray-700">{t('lead')}</p>
          <ResetForm token={token} />
        </>
      ) : (
        <>
          <p className="mt-2 text-gray-700">{t('invalid')}</p>
          <Link href="/forgot-password" className="btn btn-secondary mt-6">
            {t('again')}
          </Link>
        </>
      )}
    </section>
  )
}
