import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { withTenant, type TenantContext } from '@/lib/db'
import { listMovements } from '@/lib/movements/queries'
import { MovementCard } from './movement-parts'

/**
 * A tool's latest moves with a link to its full history, for the tool's page:
 * `<ToolHistory ctx={member.ctx} toolId={tool.id} />` (server component; reads through withTenant).
 */
export async function ToolHistory({ ctx, toolId, limit = 5 }: { ctx: TenantContext; toolId: string; limit?: number }) {
  const [{ items }, t] = await Promise.all([withTenant(ctx, (tx) => listMovements(tx, { tool: toolId, limit })), getTranslations('movementHistory')])
  return (
    <section className="card" aria-labelledby={`history-${toolId}`} data-testid="tool-history">
      <h2 id={`history-${toolId}`} className="text-xl font-bold">
        {t('toolHistory', { count: limit })}
      </h2>
      {items.length === 0 ? <p className="mt-2 text-gray-700">{t('noMoves')}</p> : null}
      <ol className="mt-2 divide-y divide-gray-200">
        {items.map((m) => (
          <li key={m.id} className="py-3">
            <MovementCard move={m} showTool={false} />
          </li>
        ))}
      </ol>
      <Link href={`/movements?tool=${toolId}`} className="btn btn-secondary mt-3 w-full sm:w-auto">
        {t('viewAll')}
      </Link>
    </section>
  )
}
