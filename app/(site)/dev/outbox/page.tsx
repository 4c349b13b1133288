import { notFound } from 'next/navigation'
import { getFormatter, getTranslations } from 'next-intl/server'
import { withSystem } from '@/lib/db'
import { env } from '@/lib/env'
import { latestOutbox } from '@/lib/mail/outbox'

// Development only: mail that would have gone out without SMTP_URL. Production builds answer 404.
export default async function OutboxPage() {
  if (env().NODE_ENV !== 'development') notFound()
  const mails = await withSystem('dev outbox view', (tx) => latestOutbox(tx))
  const [t, format] = await Promise.all([getTranslations('outbox'), getFormatter()])
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-gray-700">{t('lead')}</p>
      {mails.length === 0 ? <p className="mt-6">{t('empty')}</p> : null}
      <ul className="mt-6 flex flex-col gap-4">
        {mails.map((m) => (
          <li key={m.id} className="card">
            <p className="text-sm text-gray-600">
              {format.dateTime(m.createdAt, { dateStyle: 'medium', timeStyle: 'medium' })} → {m.toAddress}
            </p>
            <h2 className="mt-1 text-lg font-bold">{m.subject}</h2>
            {/* Plain text with its links clickable. */}
            <p className="mt-2 whitespace-pre-wrap break-all">
              {m.text.split(/(https?:\/\/\S+)/).map((part, i) =>
                /^https?:\/\//.test(part) ? (
                  <a key={i} href={part} className="font-bold text-blue-800 underline">
                    {part}
                  </a>
                ) : (
                  part
                ),
              )}
            </p>
          </li>
        ))}
      </ul>
    </main>
  )
}
