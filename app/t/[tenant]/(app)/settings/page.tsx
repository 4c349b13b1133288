import Link from 'next/link'
import { ChevronRight, CircleDot, ListPlus, Tags, Trash2 } from 'lucide-react'
import { getTranslations } from 'next-intl/server'
import { PageHeader } from '@/components/page-header'
import { requireMember } from '@/lib/auth/member'

export async function generateMetadata() {
  const t = await getTranslations('settings')
  return { title: t('title') }
}

const pages = [
  { href: '/settings/categories', key: 'categories', icon: Tags },
  { href: '/settings/statuses', key: 'statuses', icon: CircleDot },
  { href: '/settings/fields', key: 'fields', icon: ListPlus },
  { href: '/settings/register', key: 'register', icon: Trash2 },
] as const

export default async function SettingsPage() {
  await requireMember()
  const t = await getTranslations('settings')
  return (
    <main>
      <PageHeader title={t('title')} lead={t('lead')} />
      <ul className="grid gap-3 md:grid-cols-2">
        {pages.map(({ href, key, icon: Icon }) => (
          <li key={href}>
            <Link href={href} className="card flex min-h-20 items-center gap-4 p-4 active:bg-gray-100">
              <Icon aria-hidden className="size-8 shrink-0" />
              <span className="min-w-0 flex-1">
                <span className="block text-lg font-bold">{t(`${key}.title`)}</span>
                <span className="block text-sm text-gray-700">{t(`${key}.lead`)}</span>
              </span>
              <ChevronRight aria-hidden className="size-6 shrink-0 text-gray-500" />
            </Link>
          </li>
        ))}
      </ul>
    </main>
  )
}
