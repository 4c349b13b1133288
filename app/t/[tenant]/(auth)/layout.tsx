import { LanguageSwitch } from '@/components/language-switch'
import { currentTenant } from '@/lib/tenancy/current'

export default async function AuthLayout({ children, params }: LayoutProps<'/t/[tenant]'>) {
  // An unknown company renders bare here; its page answers with the 404.
  const tenant = await currentTenant((await params).tenant)
  if (!tenant) return children
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between gap-3 border-b border-gray-200 bg-white px-4 py-3">
        <p className="truncate text-lg font-bold">{tenant.name}</p>
        <LanguageSwitch />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 py-10">{children}</main>
    </div>
  )
}
