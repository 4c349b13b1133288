import { sql } from 'drizzle-orm'
import type { Tx } from '../db'
import { rows } from '../db/sql'

/** One line of the carry-in notice (持込機械等使用届): a machine on the site, or about to be sent there. */
export interface CarryInTool {
  id: string
  toolCode: string
  name: string
  manufacturer: string | null
  modelNumber: string | null
  serialNumber: string | null
  /** Where it is now (the site, or a warehouse for one about to be sent). */
  atSite: boolean
  /** 'YYYY-MM-DD' (Japan) of the move that brought it to the site; null when not there yet. */
  arrivedOn: string | null
  /** Its latest passed inspection, and who did it. */
  inspectedOn: string | null
  inspector: string | null
  holder: string | null
}

/**
 * The machines for the notice: the individual tools at the site now (all, or those chosen) and the tools
 * chosen to be sent there, with their last passed inspection and the move that brought them.
 */
export async function carryInTools(tx: Tx, siteId: string, options: { only?: string[]; extra?: string[] } = {}): Promise<CarryInTool[]> {
  const ids = [...(options.only ?? []), ...(options.extra ?? [])]
  const list = (values: string[]) => sql.join(values.map((v) => sql`${v}::uuid`), sql`, `)
  return rows<CarryInTool>(
    tx,
    sql`select t.id, t.tool_code as "toolCode", t.name, t.manufacturer, t.model_number as "modelNumber", t.serial_number as "serialNumber",
          t.current_location_id = ${siteId}::uuid as "atSite",
          case when t.current_location_id = ${siteId}::uuid then
            (select to_char(m.moved_at at time zone 'Asia/Tokyo', 'YYYY-MM-DD') from tool_movements m
              where m.organization_id = t.organization_id and m.tool_id = t.id and m.to_location_id = ${siteId}::uuid and m.deleted_at is null
              order by m.moved_at desc limit 1) end as "arrivedOn",
          i.performed_on::text as "inspectedOn", iu.name as inspector, h.name as holder
        from tools t
        left join lateral (select r.performed_on, r.inspector_id from inspection_records r
          where r.organization_id = t.organization_id and r.tool_id = t.id and r.result = 'pass' order by r.performed_on desc, r.created_at desc limit 1) i on true
        left join users iu on iu.id = i.inspector_id
        left join users h on h.id = t.current_holder_id
        where t.deleted_at is null and t.status <> 'disposed' and t.management_type = 'individual'
          and ${
            options.only
              ? ids.length
                ? sql`t.id in (${list(ids)})`
                : sql`false`
              : ids.length
                ? sql`(t.current_location_id = ${siteId}::uuid or t.id in (${list(ids)}))`
                : sql`t.current_location_id = ${siteId}::uuid`
          }
        order by (t.current_location_id = ${siteId}::uuid) desc, t.tool_code`,
  )
}
