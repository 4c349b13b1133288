import Link from 'next/link'
import { getTranslations } from 'next-intl/server'

const tabs = [
  { href: '/account', key: 'profileTab' },
  { href: '/account/security', key: 'securityTab' },
  { href: '/account/sessions', key: 'sessionsTab' },
] as const

/** The three pages of one's own account, as big tabs. */
export async function AccountTabs({ current }: { current: (typeof tabs)[number]['href'] }) {
  const t = await getTranslations('account')
  return (
    <nav aria-label={t('title')} className="flex flex-wrap gap-2">
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.href === current ? 'page' : undefined}
          className={`btn ${tab.href === current ? 'btn-primary' : 'btn-secondary'}`}
        >
          {t(tab.key)}
        </Link>
      ))}
    </nav>
  )
}
