import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { MessagePage } from '@/components/message-page'

export default async function Forbidden() {
  const t = await getTranslations('forbidden')
  return (
    <MessagePage
      code="403"
      title={t('title')}
      body={t('body')}
      action={
        <Link href="/" className="btn btn-secondary self-start">
          {t('back')}
        </Link>
      }
    />
  )
}
