import Link from 'next/link'
import { Bell } from 'lucide-react'

/** The bell in the header: a big target with the unread count (seed 004 §6.1 通知🔔 3). */
export function NotificationBell({ count, label }: { count: number; label: string }) {
  return (
    <Link href="/notifications" aria-label={label} className="relative inline-flex size-12 items-center justify-center rounded-lg hover:bg-gray-100" data-testid="bell">
      <Bell aria-hidden className="size-6" />
      {count > 0 ? (
        <span aria-hidden className="absolute top-1 right-0.5 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs leading-5 font-bold text-white">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  )
}
