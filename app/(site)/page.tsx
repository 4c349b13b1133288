import { getTranslations } from 'next-intl/server'
import { tenantUrl } from '@/lib/urls'

export default async function LandingPage() {
  const t = await getTranslations('site')
  const features = [
    ['featureScanTitle', 'featureScanBody'],
    ['featureWhereTitle', 'featureWhereBody'],
    ['featureSafeTitle', 'featureSafeBody'],
  ] as const
  return (
    <main>
      <section className="bg-ink text-white">
        <div className="mx-auto max-w-5xl px-4 py-16 sm:py-24">
          <p className="font-bold text-brand-400">{t('tagline')}</p>
          <h1 className="mt-3 text-3xl font-black leading-tight sm:text-5xl">{t('heroTitle')}</h1>
          <p className="mt-6 max-w-2xl text-lg leading-relaxed text-gray-200">{t('heroBody')}</p>
          <div className="mt-8 flex flex-wrap gap-3">
            <a href="/register" className="btn btn-accent">
              {t('ctaRegister')}
            </a>
            <a href={tenantUrl('demo', '/login')} className="btn border-2 border-white text-white hover:bg-white/10">
              {t('ctaDemo')}
            </a>
          </div>
        </div>
      </section>
      <section className="mx-auto grid max-w-5xl gap-4 px-4 py-12 sm:grid-cols-3">
        {features.map(([title, body]) => (
          <article key={title} className="card">
            <h2 className="text-lg font-bold">{t(title)}</h2>
            <p className="mt-2 leading-relaxed text-gray-700">{t(body)}</p>
          </article>
        ))}
      </section>
    </main>
  )
}
