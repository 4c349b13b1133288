import Link from 'next/link'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { currentMember } from '@/lib/auth/member'
import { safeNextPath } from '@/lib/auth/schemas'
import { requireTenant } from '@/lib/tenancy/current'
import { ForgetOfflinePages } from '@/components/offline/forget-offline-pages'
import { SignInForm } from './sign-in-form'

export async function generateMetadata() {
  const t = await getTranslations('auth')
  return { title: t('signInTitle') }
}

export default async function LoginPage({ params, searchParams }: PageProps<'/t/[tenant]/login'>) {
  const tenant = await requireTenant(params)
  const query = await searchParams
  const next = query.next
  const notice = query.reset ? 'resetDone' : query.joined ? 'joinedSignIn' : query.handoff ? 'handoffExpired' : null
  const nextPath = safeNextPath(typeof next === 'string' ? next : null)
  if (await currentMember()) redirect(nextPath)
  const t = await getTranslations('auth')
  return (
    <section className="card w-full max-w-md">
      <ForgetOfflinePages />
      <h1 className="text-2xl font-bold">{t('signInTitle')}</h1>
      <p className="mt-2 text-gray-700">{t('signInLead', { company: tenant.name })}</p>
      {notice ? (
        <p role="status" className="mt-4 rounded-lg border-2 border-green-700 bg-green-50 p-3 font-bold text-green-900">
          {t(notice)}
        </p>
      ) : null}
      <SignInForm next={nextPath} />
      <p className="mt-6">
        <Link href="/forgot-password" className="inline-flex min-h-12 items-center font-bold text-blue-800 underline">
          {t('forgot')}
        </Link>
      </p>
    </section>
  )
}
