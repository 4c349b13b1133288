import Link from 'next/link'
import { redirect } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { requireMember } from '@/lib/auth/member'
import { withTenant } from '@/lib/db'
import { listRepairs, toolHeader } from '@/lib/maintenance/queries'
import { findToolIdByCode } from '@/lib/tools/queries'
import { reportAction } from '../actions'
import { ToolPicker } from '../tool-picker'
import { ReportForm } from './report-form'
import { normalizeToolCode } from '@/lib/tools/codes'

export async function generateMetadata() {
  const t = await getTranslations('maintenance')
  return { title: t('reportTitle') }
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

/** 故障報告: from the scan screen or the tool page (?tool=<id>), or by typing the tool's code. */
export default async function ReportPage({ searchParams }: PageProps<'/t/[tenant]/maintenance/report'>) {
  const me = await requireMember({ atLeast: 'staff' })
  const sp = await searchParams
  const typed = one(sp.code)
  const code = typed ? normalizeToolCode(typed) : undefined
  const t = await getTranslations('maintenance')
  if (code) {
    const id = await withTenant(me.ctx, (tx) => findToolIdByCode(tx, { code }))
    if (id) redirect(`/maintenance/report?tool=${id}`)
  }
  const { tool, open } = await withTenant(me.ctx, async (tx) => {
    const tool = await toolHeader(tx, one(sp.tool))
    return { tool, open: tool ? await listRepairs(tx, { toolId: tool.id, status: 'open' }) : [] }
  })
  return (
    <main className="mx-auto flex w-full max-w-xl flex-col gap-5">
      <h1 className="text-2xl font-bold">{t('reportTitle')}</h1>
      {!tool ? (
        <ToolPicker
          action="/maintenance/report"
          label={t('toolCode')}
          hint={t('toolCodeHint')}
          submit={t('next')}
          notFound={code ? t('codeNotFound', { code }) : null}
        />
      ) : (
        <>
          <div className="card" data-testid="tool">
            <p className="font-mono text-3xl font-bold">{tool.toolCode}</p>
            <p className="text-lg font-bold">{tool.name}</p>
          </div>
          {open.length ? (
            <div className="rounded-lg border-2 border-amber-600 bg-amber-50 p-3" role="note">
              <p className="font-bold">{t('alreadyReported', { count: open.length })}</p>
              <ul className="mt-1 list-disc pl-5">
                {open.map((r) => (
                  <li key={r.id}>
                    <Link href={`/maintenance/repairs/${r.id}`} className="underline">
                      {r.problem}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <ReportForm
            toolId={tool.id}
            action={reportAction}
            labels={{
              problem: t('problem'),
              problemHint: t('problemHint'),
              photo: t('takePhoto'),
              photoHint: t('photoHint'),
              submit: t('sendReport'),
              sending: t('sending'),
            }}
          />
        </>
      )}
    </main>
  )
}
