import iconv from 'iconv-lite'
import { afterAll, describe, expect, it } from 'vitest'
import { parseCsv } from '@/lib/csv/format'
import { exportMovementsCsv, movementColumns } from '@/lib/movements/csv'
import { allMovements, movementTool } from '@/lib/movements/queries'
import { openTestDb } from '../support/db'

const t = await openTestDb()
afterAll(() => t.close())

const A = t.company('demo')
const B = t.company('sakura-denki')
const viewer = t.as('demo', 'viewer')

describe('exportMovementsCsv', () => {
  it('writes every move, oldest first, as UTF-8 with a BOM and Japanese headers', async () => {
    const csv = await t.tenant(viewer, (tx) => exportMovementsCsv(tx))
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(csv.contentType).toBe('text/csv; charset=utf-8')
    expect(csv.fileName).toMatch(/^movements-\d{8}\.csv$/)
    const rows = parseCsv(csv.body.toString('utf8'))
    expect(rows[0]).toEqual(['日時', '種類', '道具番号', '道具名', '数量', '単位', '移動元', '移動先', '動かした人', '持っている人', 'メモ', '入力'])
    const [{ n }] = (await t.admin<{ n: number }>(`select count(*)::int as n from tool_movements where organization_id = $1 and deleted_at is null`, [A.id])) as [{ n: number }]
    expect(csv.count).toBe(n)
    expect(rows.length - 1).toBe(n)
    expect(rows[1]![0]).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/)
    expect(rows.slice(1).map((r) => r[0]).join('\n')).toBe([...rows.slice(1).map((r) => r[0])].sort().join('\n'))
    expect(new Set(rows.slice(1).map((r) => r[1]))).toEqual(new Set(['持ち出し', '返却', '現場間の移動', '使い切り'].filter((x) => rows.some((r) => r[1] === x))))
  })

  it('keeps the page’s filters, and speaks English or Shift_JIS when asked', async () => {
    const [place] = await t.admin<{ id: string; name: string }>(
      `select l.id, l.name from locations l where l.organization_id = $1 and l.type = 'site'
       and exists (select 1 from tool_movements m where m.to_location_id = l.id) order by l.name limit 1`,
      [A.id],
    )
    const csv = await t.tenant(viewer, (tx) => exportMovementsCsv(tx, { filters: { location: place!.id, cursor: 'ignored', limit: 1 }, encoding: 'shift_jis', locale: 'en' }))
    expect(csv.contentType).toBe('text/csv; charset=Shift_JIS')
    expect(csv.fileName).toMatch(/-sjis\.csv$/)
    const rows = parseCsv(iconv.decode(csv.body, 'cp932'))
    expect(rows[0]).toEqual(['Date and time', 'Type', 'Tool code', 'Tool name', 'Quantity', 'Unit', 'From', 'To', 'Moved by', 'Held by', 'Note', 'Entry'])
    const expected = await t.tenant(viewer, (tx) => allMovements(tx, { location: place!.id }))
    expect(rows.length - 1).toBe(expected.length)
    expect(rows.slice(1).every((r) => r[6] === place!.name || r[7] === place!.name)).toBe(true)
    expect(rows.length).toBeGreaterThan(1)
  })

  it('stops at the limit and says so', async () => {
    const csv = await t.tenant(viewer, (tx) => exportMovementsCsv(tx, { max: 3 }))
    expect(csv).toMatchObject({ count: 3, truncated: true })
    expect(parseCsv(csv.body.toString('utf8'))).toHaveLength(4)
    expect(movementColumns).toHaveLength(12)
  })
})

describe('movementTool', () => {
  it('heads a tool’s history with its code, name, place and holder; nothing for other companies or bad ids', async () => {
    const [tool] = await t.admin<{ id: string; tool_code: string; name: string }>(
      `select id, tool_code, name from tools where organization_id = $1 and current_holder_id is not null order by tool_code limit 1`,
      [A.id],
    )
    const found = await t.tenant(viewer, (tx) => movementTool(tx, tool!.id))
    expect(found).toMatchObject({ id: tool!.id, toolCode: tool!.tool_code, name: tool!.name, locationName: expect.any(String), holderName: expect.any(String) })
    expect(await t.tenant(t.as('sakura-denki', 'owner'), (tx) => movementTool(tx, tool!.id))).toBeNull()
    expect(await t.tenant(viewer, (tx) => movementTool(tx, 'A-0001'))).toBeNull()
    expect(B.id).not.toBe(A.id)
  })
})
