'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { useState } from 'react'
import {
  BarChart3,
  ClipboardCheck,
  History,
  Home,
  MapPin,
  Menu,
  QrCode,
  Settings,
  Tags,
  UserRound,
  Users,
  Wrench,
  X,
  type LucideIcon,
} from 'lucide-react'

const icons = {
  home: Home,
  tools: Wrench,
  scan: QrCode,
  locations: MapPin,
  members: Users,
  settings: Settings,
  account: UserRound,
  movements: History,
  labels: Tags,
  maintenance: ClipboardCheck,
  reports: BarChart3,
} satisfies Record<string, LucideIcon>

export interface NavItem {
  href: string
  label: string
  icon: keyof typeof icons
  /** Shown in the phone's bottom bar (at most four; the fifth place opens the menu with the rest). */
  primary?: boolean
  /** The one big button in the middle of the phone's bottom bar (the scan screen). */
  prominent?: boolean
}

/** The bar's items with the prominent one moved to the middle of the bar (whose last place may be the menu). */
export function centred(primary: NavItem[], places: number): NavItem[] {
  const big = primary.find((i) => i.prominent)
  if (!big) return primary
  const others = primary.filter((i) => i !== big)
  const middle = Math.min(Math.floor((places - 1) / 2), others.length)
  return [...others.slice(0, middle), big, ...others.slice(middle)]
}

const isActive = (pathname: string, href: string) => (href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(href + '/'))

/** Top navigation on a laptop; on a phone a bottom bar of big targets (thumb reach, gloves) and a menu for the rest. */
export function AppNav({ items, label, menuLabel, closeLabel }: { items: NavItem[]; label: string; menuLabel: string; closeLabel: string }) {
  const pathname = usePathname()
  // Open for the page it was opened on: navigating anywhere closes it.
  const [openOn, setOpenOn] = useState<string | null>(null)
  const open = openOn === pathname
  const setOpen = (next: boolean | ((was: boolean) => boolean)) => setOpenOn((typeof next === 'function' ? next(open) : next) ? pathname : null)
  const primary = items.filter((i) => i.primary).slice(0, 4)
  const rest = items.filter((i) => !primary.includes(i))
  const bar = centred(primary, primary.length + (rest.length ? 1 : 0))
  const barItem = 'flex min-h-16 w-full flex-col items-center justify-center gap-1 text-xs font-bold'
  return (
    <>
      <nav aria-label={label} className="hidden border-b border-gray-200 bg-white md:block">
        <ul className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-4">
          {items.map((item) => {
            const Icon = icons[item.icon]
            const active = isActive(pathname, item.href)
            return (
              <li key={item.href} className="shrink-0">
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
      {open ? (
        <div className="fixed inset-0 z-30 bg-black/40 md:hidden" onClick={() => setOpen(false)}>
          <nav aria-label={menuLabel} className="absolute inset-x-0 bottom-0 rounded-t-2xl bg-white p-4 pb-[calc(5rem+env(safe-area-inset-bottom))]" onClick={(e) => e.stopPropagation()}>
            <ul className="grid grid-cols-2 gap-2">
              {rest.map((item) => {
                const Icon = icons[item.icon]
                const active = isActive(pathname, item.href)
                return (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      aria-current={active ? 'page' : undefined}
                      className={`flex min-h-14 items-center gap-3 rounded-lg border-2 px-3 font-bold ${active ? 'border-brand-500 bg-brand-50' : 'border-gray-200'}`}
                    >
                      <Icon aria-hidden className="size-6 shrink-0" />
                      {item.label}
                    </Link>
                  </li>
                )
              })}
            </ul>
          </nav>
        </div>
      ) : null}
      <nav aria-label={label} className="fixed inset-x-0 bottom-0 z-40 border-t border-gray-300 bg-white pb-[env(safe-area-inset-bottom)] md:hidden">
        <ul className="grid" style={{ gridTemplateColumns: `repeat(${primary.length + (rest.length ? 1 : 0)}, minmax(0, 1fr))` }}>
          {bar.map((item) => {
            const Icon = icons[item.icon]
            const active = isActive(pathname, item.href)
            if (item.prominent) {
              return (
                <li key={item.href} className="flex justify-center">
                  <Link
                    href={item.href}
                    aria-current={active ? 'page' : undefined}
                    data-testid="nav-scan"
                    className="-mt-6 flex size-20 flex-col items-center justify-center gap-0.5 rounded-full border-4 border-white bg-brand-400 text-sm font-bold text-ink shadow-lg active:bg-brand-500"
                  >
                    <Icon aria-hidden className="size-9" />
                    {item.label}
                  </Link>
                </li>
              )
            }
            return (
              <li key={item.href}>
                <Link href={item.href} aria-current={active ? 'page' : undefined} className={`${barItem} ${active ? 'bg-brand-100 text-ink' : 'text-gray-700'}`}>
                  <Icon aria-hidden className="size-7" />
                  {item.label}
                </Link>
              </li>
            )
          })}
          {rest.length ? (
            <li>
              <button
                type="button"
                aria-expanded={open}
                onClick={() => setOpen((o) => !o)}
                className={`${barItem} ${open || rest.some((i) => isActive(pathname, i.href)) ? 'bg-brand-100 text-ink' : 'text-gray-700'}`}
              >
                {open ? <X aria-hidden className="size-7" /> : <Menu aria-hidden className="size-7" />}
                {open ? closeLabel : menuLabel}
              </button>
            </li>
          ) : null}
        </ul>
      </nav>
    </>
  )
}
