// GET <company>/reports/csv?view=moves|site-days|utilisation|costs&from=YYYY-MM&to=YYYY-MM&encoding=utf-8|shift_jis
import { getTranslations } from 'next-intl/server'
import { toolCosts } from '@/lib/costs/analysis'
import { encodeCsv } from '@/lib/csv/encoding'
import { withTenant } from '@/lib/db'
import { companyFeatures } from '@/lib/features'
import { apiError } from '@/lib/http/errors'
import { memberOrError } from '@/lib/http/member'
import { getManagementSettings } from '@/lib/maintenance/settings'
import { costsCsv, movesCsv, siteDaysCsv, utilisationCsv } from '@/lib/reports/csv'
import { movesByMonth, parseReportPeriod, toolDaysBySite, utilisationByCategory } from '@/lib/reports/queries'
import { todayIso } from '@/lib/validation'

const views = ['moves', 'site-days', 'utilisation', 'costs'] as const

export async function GET(request: Request) {
  const auth = await memberOrError('viewer')
  if ('response' in auth) return auth.response
  const params = new URL(request.url).searchParams
  const view = views.find((v) => v === params.get('view'))
  const [t, te] = await Promise.all([getTranslations('reports'), getTranslations('errors')])
  if (!view) return apiError(404, 'NOT_FOUND', te('NOT_FOUND'))
  const period = parseReportPeriod({ from: params.get('from') ?? undefined, to: params.get('to') ?? undefined })
  const text = await withTenant(auth.member.ctx, async (tx) => {
    if (view === 'moves') {
      return movesCsv(await movesByMonth(tx, period), [t('month'), t('types.checkout'), t('types.checkin'), t('types.transfer'), t('types.consume'), t('total')])
    }
    if (view === 'site-days') return siteDaysCsv(await toolDaysBySite(tx, period), period.months, { site: t('site'), total: t('total') })
    if (view === 'utilisation') return utilisationCsv(await utilisationByCategory(tx, period), [t('category'), t('tools'), t('siteDays'), t('sharePercent')])
    if (!(await companyFeatures(tx)).cost_analysis) return null
    const costs = await toolCosts(tx, await getManagementSettings(tx), todayIso())
    return costsCsv(costs, [t('code'), t('name'), t('category'), t('purchaseDate'), t('purchasePrice'), t('usefulLife'), t('repairs'), t('repairCost'), t('depreciationThisYear'), t('bookValue')])
  })
  if (text === null) return apiError(403, 'FEATURE_NOT_IN_PLAN', t('premiumOnly'))
  const encoding = params.get('encoding') === 'shift_jis' ? 'shift_jis' : 'utf-8'
  const name = `genba-${view}-${period.from}_${period.to}.csv`
  return new Response(new Uint8Array(encodeCsv(text, encoding)), {
    headers: {
      'Content-Type': `text/csv; charset=${encoding === 'shift_jis' ? 'Shift_JIS' : 'utf-8'}`,
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
