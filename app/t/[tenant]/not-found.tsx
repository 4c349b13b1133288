import { getTranslations } from 'next-intl/server'
import { MessagePage } from '@/components/message-page'
import { siteUrl } from '@/lib/urls'

// Unknown and suspended companies get exactly this page, so nobody can tell them apart.
export default async function TenantNotFound() {
  const t = await getTranslations('tenantNotFound')
  return (
    <MessagePage
      code="404"
      title={t('title')}
      body={t('body')}
      action={
        <a href={siteUrl('/')} className="btn btn-secondary self-start">
          {t('back')}
        </a>
      }
    />
  )
}
