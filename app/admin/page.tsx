import { getTranslations } from 'next-intl/server'

export default async function AdminHome() {
  const t = await getTranslations('admin')
  return (
    <main className="card max-w-2xl">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-3 leading-relaxed text-gray-700">{t('lead')}</p>
      <p className="mt-3 text-sm text-gray-600">{t('signInNote')}</p>
    </main>
  )
}
