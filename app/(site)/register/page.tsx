import { getTranslations } from 'next-intl/server'
import { env } from '@/lib/env'
import { RegisterForm } from './register-form'

export async function generateMetadata() {
  const t = await getTranslations('register')
  return { title: t('title') }
}

export default async function RegisterPage() {
  const t = await getTranslations('register')
  return (
    <main className="mx-auto max-w-xl px-4 py-10">
      <section className="card">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="mt-2 text-gray-700">{t('lead')}</p>
        <RegisterForm domain={env().APP_DOMAIN} />
      </section>
    </main>
  )
}
