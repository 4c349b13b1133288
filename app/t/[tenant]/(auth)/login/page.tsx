import { getTranslations } from 'next-intl/server'
import { requireTenant } from '@/lib/tenancy/current'

export async function generateMetadata() {
  const t = await getTranslations('auth')
  return { title: t('signInTitle') }
}

export default async function LoginPage({ params }: PageProps<'/t/[tenant]/login'>) {
  const tenant = await requireTenant(params)
  const t = await getTranslations('auth')
  return (
    <section className="card w-full max-w-md">
      <h1 className="text-2xl font-bold">{t('signInTitle')}</h1>
      <p className="mt-2 text-gray-700">{t('signInLead', { company: tenant.name })}</p>
      <form method="post" className="mt-6 flex flex-col gap-4">
        <label className="flex flex-col gap-1 font-bold">
          {t('email')}
          <input className="field" type="email" name="email" autoComplete="username" inputMode="email" required />
        </label>
        <label className="flex flex-col gap-1 font-bold">
          {t('password')}
          <input className="field" type="password" name="password" autoComplete="current-password" required />
        </label>
        <button type="submit" className="btn btn-primary mt-2 w-full">
          {t('submit')}
        </button>
      </form>
    </section>
  )
}
