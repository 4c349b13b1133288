import { toolListSearchParams } from '../tools/search-params'
import type { ToolListQuery } from '../tools/schemas'
import { addDays } from './dates'
import type { DueGroup } from './queries'

/*
 * Where each alert leads: the tool list (/tools) with the filters that show exactly the alert's tools.
 */

const toolList = (query: ToolListQuery) => `/tools?${toolListSearchParams(query).toString()}`

export const lowStockQuery = (): ToolListQuery => ({ lowStock: true })
export const longUnreturnedQuery = (days: number): ToolListQuery => ({ onSiteDays: days })

/** The list of a due group's tools: overdue (before today) or due soon (today … today + days). */
export function dueQuery(group: Pick<DueGroup, 'source' | 'key'>, which: 'overdue' | 'soon', today: string, soonDays: number): ToolListQuery {
  const from = which === 'overdue' ? undefined : today
  const to = which === 'overdue' ? addDays(today, -1) : addDays(today, soonDays)
  if (group.source === 'schedule') return { scheduleId: group.key, dueFrom: from, dueTo: to }
  return {
    fields: [...(from ? [{ key: group.key, op: 'from' as const, value: from }] : []), { key: group.key, op: 'to' as const, value: to }],
  }
}

export const alertLinks = {
  lowStock: () => toolList(lowStockQuery()),
  longUnreturned: (days: number) => toolList(longUnreturnedQuery(days)),
  due: (group: Pick<DueGroup, 'source' | 'key'>, which: 'overdue' | 'soon', today: string, soonDays: number) =>
    toolList(dueQuery(group, which, today, soonDays)),
  repairs: () => '/maintenance?status=open',
  site: (locationId: string) => toolList({ locationId: [locationId] }),
}
