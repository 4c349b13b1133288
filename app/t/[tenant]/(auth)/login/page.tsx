import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { currentMember } from '@/lib/auth/member'
import { safeNextPath } from '@/lib/auth/schemas'
import { requireTenant } from '@/lib/tenancy/current'
import { SignInForm } from './sign-in-form'

export async function generateMetadata() {
  const t = await getTranslations('auth')
  return { title: t('signInTitle') }
}

export default async function LoginPage({ params, searchParams }: PageProps<'/t/[tenant]/login'>) {
  const tenant = await requireTenant(params)
  const next = (await searchParams).next
  const nextPath = safeNextPath(typeof next === 'string' ? next : null)
  if (await currentMember()) redirect(nextPath)
  const t = await getTranslations('auth')
  return (
    <section className="card w-full max-w-md">
      <h1 className="text-2xl font-bold">{t('signInTitle')}</h1>
      <p className="mt-2 text-gray-700">{t('signInLead', { company: tenant.name })}</p>
      <SignInForm next={nextPath} />
    </section>
  )
}
