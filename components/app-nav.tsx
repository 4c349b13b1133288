'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { BarChart3, ClipboardCheck, Home, MapPin, QrCode, Settings, Users, Wrench, type LucideIcon } from 'lucide-react'

const icons = { home: Home, tools: Wrench, scan: QrCode, locations: MapPin, members: Users, settings: Settings, maintenance: ClipboardCheck, reports: BarChart3 } satisfies Record<string, LucideIcon>

export interface NavItem {
  href: string
  label: string
  icon: keyof typeof icons
  /** Shown in the phone's bottom bar (at most five). */
  primary?: boolean
}

const isActive = (pathname: string, href: string) => (href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(href + '/'))

/** Top navigation on a laptop, a bottom bar of big targets on a phone (thumb reach, gloves). */
export function AppNav({ items, label }: { items: NavItem[]; label: string }) {
  const pathname = usePathname()
  const primary = items.filter((i) => i.primary).slice(0, 5)
  return (
    <>
      <nav aria-label={label} className="hidden border-b border-gray-200 bg-white md:block">
        <ul className="mx-auto flex max-w-6xl gap-1 px-4">
          {items.map((item) => {
            const Icon = icons[item.icon]
            const active = isActive(pathname, item.href)
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={active ? 'page' : undefined}
                  className={`flex min-h-12 items-center gap-2 border-b-4 px-3 font-bold ${active ? 'border-brand-500 text-ink' : 'border-transparent text-gray-600 hover:text-ink'}`}
                >
                  <Icon aria-hidden className="size-5" />
                  {item.label}
                </Link>
              </li>
            )
          })}
        </ul>
      </nav>
      <nav aria-label={label} className="fixed inset-x-0 bottom-0 z-20 border-t border-gray-300 bg-white pb-[env(safe-area-inset-bottom)] md:hidden">
        <ul className="grid" style={{ gridTemplateColumns: `repeat(${Math.max(primary.length, 1)}, minmax(0, 1fr))` }}>
          {primary.map((item) => {
            const Icon = icons[item.icon]
            const active = isActive(pathname, item.href)
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={active ? 'page' : undefined}
                  className={`flex min-h-16 flex-col items-center justify-center gap-1 text-xs font-bold ${active ? 'bg-brand-100 text-ink' : 'text-gray-700'}`}
                >
                  <Icon aria-hidden className="size-7" />
                  {item.label}
                </Link>
              </li>
            )
          })}
        </ul>
      </nav>
    </>
  )
}
