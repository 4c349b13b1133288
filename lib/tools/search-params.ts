import { parseWith } from '../result'
import { toolListQuery, type ToolListParams, type ToolListQuery } from './schemas'

type Source = URLSearchParams | Record<string, string | string[] | undefined>

const entries = (source: Source): [string, string][] =>
  source instanceof URLSearchParams
    ? [...source.entries()]
    : Object.entries(source).flatMap(([k, v]) => (v === undefined ? [] : Array.isArray(v) ? v.map((x) => [k, x] as [string, string]) : [[k, v] as [string, string]]))

/**
 * The tool list's filters live in the URL: ?q=&categoryId=a,b&status=repair&locationId=&holderId=&managementType=
 * &lowStock=1&onSiteDays=7&scheduleId=&dueFrom=&dueTo=&sort=name&dir=desc&cursor=&f.<field key>.<eq|contains|from|to>=value. Bad values are dropped,
 * never an error: a hand-edited URL still shows a list.
 */
export function parseToolListSearchParams(source: Source): ToolListParams {
  const raw: Record<string, unknown> = {}
  const fields: { key: string; op: string; value: string }[] = []
  for (const [k, v] of entries(source)) {
    const f = /^f\.([a-z][a-z0-9_]{0,39})\.(eq|contains|from|to)$/.exec(k)
    if (f) fields.push({ key: f[1]!, op: f[2]!, value: v })
    else if (k in toolListQuery.shape) raw[k] = raw[k] === undefined ? v : [raw[k], v].flat()
  }
  raw.fields = fields.filter((f) => f.value !== '')
  const parsed = parseWith(toolListQuery, raw)
  if (parsed.success) return parsed.data
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])))
  for (const key of bad) delete raw[key]
  if (bad.has('fields')) raw.fields = []
  return toolListQuery.parse(raw)
}

/** The URL query for a tool list (defaults left out), for links and router.replace. */
export function toolListSearchParams(query: ToolListQuery): URLSearchParams {
  const p = toolListQuery.parse(query)
  const out = new URLSearchParams()
  if (p.q) out.set('q', p.q)
  for (const key of ['categoryId', 'status', 'locationId', 'holderId'] as const) if (p[key]?.length) out.set(key, p[key]!.join(','))
  if (p.managementType) out.set('managementType', p.managementType)
  if (p.lowStock) out.set('lowStock', '1')
  if (p.onSiteDays) out.set('onSiteDays', String(p.onSiteDays))
  for (const key of ['scheduleId', 'dueFrom', 'dueTo'] as const) if (p[key]) out.set(key, p[key]!)
  for (const f of p.fields) out.append(`f.${f.key}.${f.op}`, f.value)
  if (p.sort !== 'code') out.set('sort', p.sort)
  if (p.dir !== 'asc') out.set('dir', p.dir)
  if (p.limit !== 50) out.set('limit', String(p.limit))
  if (p.cursor) out.set('cursor', p.cursor)
  return out
}
