import { LogOut } from 'lucide-react'
import { getTranslations } from 'next-intl/server'
import { signOut } from '@/app/_actions/sign-out'
import { AppNav, type NavItem } from '@/components/app-nav'
import { CompanySwitcher } from '@/components/company-switcher'
import { LanguageSwitch } from '@/components/language-switch'
import { QueueBadge } from '@/components/offline/queue-badge'
import { OfflineShell } from '@/components/offline/queue-provider'
import { NotificationBell } from '@/components/notification-bell'
import { requireMember } from '@/lib/auth/member'
import { atLeast } from '@/lib/auth/roles'
import { withTenant } from '@/lib/db'
import { unreadCount } from '@/lib/notifications/queries'
import { myCompanies } from '@/lib/profile/commands'
import { currentTenant } from '@/lib/tenancy/current'
import { goToCompany } from './account/actions'

export default async function AppLayout({ children, params }: LayoutProps<'/t/[tenant]'>) {
  // An unknown company renders bare here; its page answers with the 404.
  const tenant = await currentTenant((await params).tenant)
  if (!tenant) return children
  const member = await requireMember()
  const [companies, unread] = await withTenant(member.ctx, async (tx) => [await myCompanies(tx), await unreadCount(tx)] as const)
  const [t, tc, tn] = await Promise.all([getTranslations('nav'), getTranslations('common'), getTranslations('notifications')])
  const items: NavItem[] = [
    { href: '/', label: t('home'), icon: 'home', primary: true },
    { href: '/tools', label: t('tools'), icon: 'tools', primary: true },
    { href: '/scan', label: t('scan'), icon: 'scan', primary: true, prominent: true },
    { href: '/locations', label: t('locations'), icon: 'locations', primary: true },
    { href: '/movements', label: t('movements'), icon: 'movements' },
    { href: '/maintenance', label: t('maintenance'), icon: 'maintenance' },
    { href: '/reports', label: t('reports'), icon: 'reports' },
    // Printing labels is for leaders and up (the page answers 403 below that): no dead end in the menu.
    ...(atLeast(member.role, 'leader') ? [{ href: '/labels', label: t('labels'), icon: 'labels' } as const] : []),
    { href: '/settings', label: t('settings'), icon: 'settings' },
    { href: '/members', label: t('members'), icon: 'members' },
    { href: '/account', label: t('account'), icon: 'account' },
  ]
  return (
    <OfflineShell userId={member.session.userId}>
    <div className="flex min-h-dvh flex-col pb-20 md:pb-0">
      <header className="border-b border-gray-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-2">
          {companies.length > 1 ? (
            <CompanySwitcher current={tenant.id} companies={companies} action={goToCompany} label={tc('switchCompany')} />
          ) : (
            <p className="min-w-0 truncate text-lg font-bold">{tenant.name}</p>
          )}
          <div className="flex shrink-0 items-center gap-2">
            <NotificationBell count={unread} label={tn('bell', { count: unread })} />
            <QueueBadge />
            <span className="hidden text-sm text-gray-700 sm:inline">{member.session.name}</span>
            <LanguageSwitch />
            <form action={signOut} data-sign-out>
              <button type="submit" className="btn btn-secondary min-h-10 px-3 text-sm" aria-label={tc('signOut')}>
                <LogOut aria-hidden className="size-5" />
                <span className="hidden sm:inline">{tc('signOut')}</span>
              </button>
            </form>
          </div>
        </div>
      </header>
      <AppNav items={items} label={t('main')} menuLabel={tc('menu')} closeLabel={tc('close')} />
      <div className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">{children}</div>
    </div>
    </OfflineShell>
  )
}
