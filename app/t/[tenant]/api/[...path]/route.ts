// ANY <company>/api/* not matched by a route — a JSON 404 in the API's error shape, not an HTML page.
import { getTranslations } from 'next-intl/server'
import { apiError } from '@/lib/http/errors'

async function notFound() {
  const t = await getTranslations('errors')
  return apiError(404, 'NOT_FOUND', t('NOT_FOUND'))
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE }
