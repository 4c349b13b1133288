import { getTranslations } from 'next-intl/server'
import { AppNav, type NavItem } from '@/components/app-nav'
import { LanguageSwitch } from '@/components/language-switch'
import { currentTenant } from '@/lib/tenancy/current'

export default async function AppLayout({ children, params }: LayoutProps<'/t/[tenant]'>) {
  // An unknown company renders bare here; its page answers with the 404.
  const tenant = await currentTenant((await params).tenant)
  if (!tenant) return children
  const t = await getTranslations('nav')
  const items: NavItem[] = [{ href: '/', label: t('home'), icon: 'home', primary: true }]
  return (
    <div className="flex min-h-dvh flex-col pb-20 md:pb-0">
      <header className="border-b border-gray-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3">
          <p className="truncate text-lg font-bold">{tenant.name}</p>
          <LanguageSwitch />
        </div>
      </header>
      <AppNav items={items} label={t('main')} />
      <div className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">{children}</div>
    </div>
  )
}
