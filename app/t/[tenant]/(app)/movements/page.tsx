import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { Download } from 'lucide-react'
import { listMembers } from '@/lib/accounts/members'
import { requireMember } from '@/lib/auth/member'
import { withTenant } from '@/lib/db'
import { movementTypes } from '@/lib/db/schema/movements'
import { listLocations } from '@/lib/locations/queries'
import { listMovements, movementTool, parseMovementSearchParams, type MovementFilters as Filters } from '@/lib/movements/queries'
import { MoveTime, MoveType, MovementCard, Route } from '../_components/movement-parts'
import { MovementFilters } from './movement-filters'

export async function generateMetadata() {
  const t = await getTranslations('movementHistory')
  return { title: t('title') }
}

const filterKeys = ['tool', 'location', 'user', 'type', 'from', 'to'] as const

/** The filters as a query string (cursor and extras appended), for links that keep them. */
function query(filters: Filters, extra: Record<string, string> = {}) {
  const q = new URLSearchParams()
  for (const k of filterKeys) if (filters[k]) q.set(k, String(filters[k]))
  for (const [k, v] of Object.entries(extra)) q.set(k, v)
  return q.size ? `?${q}` : ''
}

/** Every move, newest first, filtered by tool, place, person, type and dates (all in the URL), a page at a time. */
export default async function MovementsPage({ searchParams }: PageProps<'/t/[tenant]/movements'>) {
  const me = await requireMember()
  const filters = parseMovementSearchParams(await searchParams)
  const [page, places, people, tool] = await withTenant(me.ctx, async (tx) => [
    await listMovements(tx, { ...filters, limit: 50 }),
    await listLocations(tx, { includeInactive: true }),
    await listMembers(tx),
    filters.tool ? await movementTool(tx, filters.tool) : null,
  ])
  const [t, tt] = await Promise.all([getTranslations('movementHistory'), getTranslations('movementHistory.types')])
  return (
    <main className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t('title')}</h1>
          <p className="mt-1 text-gray-700">{t('lead')}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <a href={`/movements/csv${query(filters)}`} className="btn btn-secondary px-3" download>
            <Download aria-hidden className="size-5" />
            {t('csv')}
          </a>
          <a href={`/movements/csv${query(filters, { encoding: 'shift_jis' })}`} className="btn btn-secondary px-3" download>
            {t('csvSjis')}
          </a>
        </div>
      </div>
      <p className="text-sm text-gray-700">{t('csvHint')}</p>
      <MovementFilters
        values={Object.fromEntries(filterKeys.map((k) => [k, filters[k]]))}
        places={places.map((p) => ({ id: p.id, name: p.name }))}
        people={people.map((p) => ({ id: p.userId, name: p.name }))}
        types={movementTypes.map((v) => ({ value: v, label: tt(v) }))}
        tool={tool ? { code: tool.toolCode, name: tool.name } : null}
      />
      {page.items.length === 0 ? <p className="card text-gray-700">{t('empty')}</p> : null}
      {page.items.length ? (
        <>
          <ol className="flex flex-col gap-2 md:hidden" data-testid="movement-cards">
            {page.items.map((m) => (
              <li key={m.id} className="card p-4">
                <MovementCard move={m} />
              </li>
            ))}
          </ol>
          <div className="card hidden overflow-x-auto p-0 md:block">
            <table className="w-full text-left" data-testid="movement-table">
              <thead className="border-b-2 border-gray-300 bg-gray-50 text-sm whitespace-nowrap">
                <tr>
                  <th className="px-3 py-2">{t('columns.movedAt')}</th>
                  <th className="px-3 py-2">{t('columns.type')}</th>
                  <th className="px-3 py-2">{t('tool')}</th>
                  <th className="px-3 py-2 text-right">{t('columns.quantity')}</th>
                  <th className="px-3 py-2">
                    {t('columns.from')} → {t('columns.to')}
                  </th>
                  <th className="px-3 py-2">{t('columns.user')}</th>
                  <th className="px-3 py-2">{t('columns.holder')}</th>
                  <th className="px-3 py-2">{t('columns.note')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-200">
                {page.items.map((m) => (
                  <tr key={m.id} data-testid="movement-row">
                    <td className="px-3 py-2 whitespace-nowrap">
                      <MoveTime at={m.movedAt} />
                    </td>
                    <td className="px-3 py-2">
                      <MoveType type={m.type} />
                    </td>
                    <td className="px-3 py-2">
                      <Link href={`/movements${query({ ...filters, tool: m.toolId })}`} className="font-bold underline-offset-2 hover:underline">
                        {m.toolCode}
                      </Link>{' '}
                      <span className="text-gray-800">{m.toolName}</span>
                    </td>
                    <td className="px-3 py-2 text-right whitespace-nowrap">{m.unit ? t('quantity', { quantity: m.quantity, unit: m.unit }) : m.quantity}</td>
                    <td className="px-3 py-2">
                      <Route move={m} />
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">{m.userName}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{m.holderName ?? ''}</td>
                    <td className="px-3 py-2 text-sm">{m.note ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <nav className="flex flex-wrap gap-2" aria-label={t('title')}>
        {filters.cursor ? (
          <Link href={`/movements${query(filters)}`} className="btn btn-secondary">
            {t('newest')}
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link href={`/movements${query(filters, { cursor: page.nextCursor })}`} className="btn btn-primary" data-testid="more">
            {t('more')}
          </Link>
        ) : null}
      </nav>
    </main>
  )
}
