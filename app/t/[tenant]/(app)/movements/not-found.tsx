import { getTranslations } from 'next-intl/server'
import { MessagePage } from '@/components/message-page'

// An unknown tool (or another company's): the plain 404, not the "company not found" page above this segment.
export default async function MovementsNotFound() {
  const t = await getTranslations('notFound')
  return <MessagePage code="404" title={t('title')} body={t('body')} />
}
