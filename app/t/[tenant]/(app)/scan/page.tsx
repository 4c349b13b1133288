import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { Suspense } from 'react'
import { requireMember } from '@/lib/auth/member'
import { atLeast } from '@/lib/auth/roles'
import { ScanScreen } from './scan-screen'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('scan')
  return { title: t('title') }
}

// The scan screen (seed 004 §6.2, §7). Everything here is the same for every visit of this member, so the
// service worker can keep it for working offline; the scanned tool comes from the client (?id= included).
export default async function ScanPage() {
  const member = await requireMember()
  return (
    <Suspense>
      <ScanScreen userId={member.session.userId} userName={member.session.name} canMove={atLeast(member.role, 'staff')} canRegister={atLeast(member.role, 'leader')} />
    </Suspense>
  )
}
