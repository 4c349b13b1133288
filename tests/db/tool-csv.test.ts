import iconv from 'iconv-lite'
import { afterAll, describe, expect, it } from 'vitest'
import { decodeCsv } from '@/lib/csv/encoding'
import { parseCsv } from '@/lib/csv/format'
import { exportToolsCsv } from '@/lib/csv/tool-export'
import { importToolsCsv, previewToolImport } from '@/lib/csv/tool-import'
import { countTools } from '@/lib/tools/queries'
import { openTestDb } from '../support/db'

const t = await openTestDb()
afterAll(() => t.close())

const A = t.company('demo')
const admin = t.as('demo', 'admin')
const csv = (lines: string[]) => lines.join('\r\n') + '\r\n'
const sjis = (text: string) => iconv.encode(text, 'cp932')

const counts = async () => {
  const [r] = await t.admin<{ tools: number; audit: number }>(
    `select (select count(*)::int from tools where organization_id = $1) as tools, (select count(*)::int from audit_logs where organization_id = $1) as audit`,
    [A.id],
  )
  return r!
}

/** 20 new tools in Shift_JIS; rows 5, 11 and 17 (spreadsheet numbering) are wrong in three different ways. */
function shiftJisFile() {
  const lines = ['管理番号,カテゴリー,道具名,メーカー,型番,購入日,購入金額,保管場所,管理区分,数量,単位,次回校正日']
  for (let i = 1; i <= 20; i++) {
    const row = i + 1
    const bad = { 5: 'date', 11: 'category', 17: 'price' }[row]
    lines.push(
      [
        '',
        bad === 'category' ? '重機' : i % 4 === 0 ? '測定器' : '電動工具',
        `取込テスト①-${i}`,
        'マキタ',
        `TD${100 + i}`,
        bad === 'date' ? '2024/02/30' : '2024/4/1',
        bad === 'price' ? '高い' : '"¥12,800"',
        '会社倉庫',
        '個別管理',
        '',
        '',
        i % 4 === 0 ? '2027/3/31' : '',
      ].join(','),
    )
  }
  return sjis(csv(lines))
}

describe('CSV import preview', () => {
  it('reads a Shift_JIS file, reports exactly the bad rows with their column, and writes nothing', async () => {
    const before = await counts()
    const result = await t.tenant(admin, (tx) => previewToolImport(tx, { bytes: shiftJisFile() }))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const p = result.data
    expect(p.encoding).toBe('shift_jis')
    expect(p.summary).toEqual({ total: 20, create: 17, update: 0, error: 3 })
    expect(p.rows.filter((r) => r.action === 'error').map((r) => [r.row, r.errors])).toEqual([
      [5, [{ column: '購入日', code: 'INVALID_DATE' }]],
      [11, [{ column: 'カテゴリー', code: 'CATEGORY_NOT_FOUND' }]],
      [17, [{ column: '購入金額', code: 'INVALID_NUMBER' }]],
    ])
    expect(p.rows[0]).toMatchObject({ row: 2, name: '取込テスト①-1', action: 'create', toolCode: null })
    expect(p.ignoredColumns).toEqual([])
    expect(await counts()).toEqual(before)
  })

  it('refuses to import a file with errors, and imports nothing', async () => {
    const before = await counts()
    const result = await t.tenant(admin, (tx) => importToolsCsv(tx, { bytes: shiftJisFile() }))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('IMPORT_HAS_ERRORS')
    expect((result.error.details!.preview as { summary: unknown }).summary).toMatchObject({ error: 3 })
    expect(await counts()).toEqual(before)
  })

  it('reports file-level problems: unreadable, empty, missing columns', async () => {
    expect(await t.tenant(admin, (tx) => previewToolImport(tx, { bytes: Buffer.from('道具名\r\n') }))).toEqual({ ok: false, error: { code: 'EMPTY_FILE' } })
    expect(await t.tenant(admin, (tx) => previewToolImport(tx, { bytes: Buffer.from('メーカー\r\nマキタ\r\n') }))).toMatchObject({
      ok: false,
      error: { code: 'MISSING_COLUMN', details: { column: '道具名 / Name' } },
    })
    expect(await t.tenant(admin, (tx) => previewToolImport(tx, { bytes: Buffer.from('a,"b\r\n1,2\r\n') }))).toEqual({ ok: false, error: { code: 'UNREADABLE_FILE' } })
  })
})

describe('CSV import', () => {
  it('upserts by tool_code in one go: updates existing codes, creates new ones (given or next code)', async () => {
    const [existing] = await t.admin<{ id: string; tool_code: string; name: string }>(
      `select id, tool_code, name from tools where organization_id = $1 and deleted_at is null and management_type = 'quantity' order by tool_code limit 1`,
      [A.id],
    )
    const file = csv([
      'Tool code,Category,Name,Quantity,Status,Notes,色',
      `${existing!.tool_code.toLowerCase()},消耗品,${existing!.name},7,修理中,棚卸しで修正,赤`,
      'e-0999,消耗品,新しい消耗品,30,,,青',
      ',E,番号なしの消耗品,5,,,',
    ]).replace(/,(\d+),/g, ',$1,')
    const withType = file
      .replace('Quantity,Status', 'Quantity,Management,Status')
      .replace(',7,', ',7,数量管理,')
      .replace(',30,', ',30,数量,')
      .replace(',5,', ',5,quantity,')
    const preview = await t.tenant(admin, (tx) => previewToolImport(tx, { bytes: Buffer.from(withType) }))
    expect(preview).toMatchObject({ ok: true, data: { encoding: 'utf-8', summary: { total: 3, create: 2, update: 1, error: 0 }, ignoredColumns: ['色'] } })
    const imported = await t.tenant(admin, (tx) => importToolsCsv(tx, { bytes: Buffer.from(withType) }))
    expect(imported).toEqual({ ok: true, data: { created: 2, updated: 1, encoding: 'utf-8' } })
    const [updated] = await t.admin<Record<string, unknown>>(`select id, current_quantity, status, notes from tools where id = $1`, [existing!.id])
    expect(updated).toEqual({ id: existing!.id, current_quantity: 7, status: 'repair', notes: '棚卸しで修正' })
    const created = await t.admin<{ tool_code: string; name: string; current_quantity: number }>(
      `select tool_code, name, current_quantity from tools where organization_id = $1 and name in ('新しい消耗品', '番号なしの消耗品') order by name`,
      [A.id],
    )
    expect(created.map((r) => r.name)).toEqual(['新しい消耗品', '番号なしの消耗品'])
    expect(created[0]).toMatchObject({ tool_code: 'E-0999', current_quantity: 30 })
    expect(created[1]!.tool_code).toMatch(/^E-\d{4}$/)
    const audits = await t.admin<{ n: number }>(`select count(*)::int as n from audit_logs where organization_id = $1 and table_name = 'tools' and record_id = $2 and action = 'update'`, [
      A.id,
      existing!.id,
    ])
    expect(audits[0]!.n).toBeGreaterThanOrEqual(1)
  })

  it('rolls everything back when a row fails on writing, and names the row', async () => {
    const before = await counts()
    // The preview cannot know that a viewer may not write: the first write is refused and nothing stays.
    const file = Buffer.from(csv(['道具名,カテゴリー', '権限なし1,電動工具', '権限なし2,電動工具']))
    const result = await t.tenant(t.as('demo', 'viewer'), (tx) => importToolsCsv(tx, { bytes: file }))
    expect(result).toMatchObject({ ok: false, error: { code: 'IMPORT_FAILED', details: { row: 2, error: { code: 'FORBIDDEN' } } } })
    expect(await counts()).toEqual(before)
  })

  it('flags duplicate codes in the file, codes of trashed tools and disposals', async () => {
    const [trashed] = await t.admin<{ tool_code: string }>(`select tool_code from tools where organization_id = $1 and deleted_at is not null limit 1`, [A.id])
    const file = csv(['管理番号,道具名,カテゴリー,状態', 'B-0501,a,手工具,', 'B-0501,b,手工具,', `${trashed!.tool_code},c,手工具,`, 'B-0502,d,手工具,廃棄済み', 'B-0503,e,手工具,謎の状態'])
    const result = await t.tenant(admin, (tx) => previewToolImport(tx, { bytes: Buffer.from(file) }))
    if (!result.ok) throw new Error(result.error.code)
    expect(result.data.rows.map((r) => [r.row, r.action, r.errors.map((e) => e.code)])).toEqual([
      [2, 'create', []],
      [3, 'error', ['DUPLICATE_IN_FILE']],
      [4, 'error', ['TOOL_IN_TRASH']],
      [5, 'error', ['DISPOSAL_NOT_IMPORTED']],
      [6, 'error', ['STATUS_NOT_FOUND']],
    ])
  })

  it('warns before passing the plan’s tool limit', async () => {
    const sakura = t.as('sakura-denki', 'owner')
    const B = t.company('sakura-denki')
    const [{ n }] = (await t.admin<{ n: number }>(`select count(*)::int as n from tools where organization_id = $1 and deleted_at is null`, [B.id])) as [{ n: number }]
    await t.admin(`update organizations set max_tools = $2 where id = $1`, [B.id, n + 1])
    const file = Buffer.from(csv(['道具名,カテゴリー', '1個目,手工具', '2個目,手工具']))
    const preview = await t.tenant(sakura, (tx) => previewToolImport(tx, { bytes: file }))
    expect(preview).toMatchObject({ ok: true, data: { problems: [{ code: 'PLAN_LIMIT_TOOLS', details: { limit: n + 1 } }] } })
    expect(await t.tenant(sakura, (tx) => importToolsCsv(tx, { bytes: file }))).toMatchObject({ ok: false, error: { code: 'IMPORT_HAS_ERRORS' } })
    await t.admin(`update organizations set max_tools = 500 where id = $1`, [B.id])
  })
})

describe('CSV export', () => {
  it('writes UTF-8 with a BOM by default, every listed tool, custom fields after the standard columns', async () => {
    const file = await t.tenant(admin, (tx) => exportToolsCsv(tx))
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(file.contentType).toBe('text/csv; charset=utf-8')
    expect(file.fileName).toMatch(/^tools-\d{8}\.csv$/)
    const rows = parseCsv(decodeCsv(file.body).text)
    expect(rows[0]!.slice(0, 4)).toEqual(['管理番号', 'カテゴリー', '道具名', '型番'])
    expect(rows[0]).toContain('次回校正日')
    expect(rows.length - 1).toBe(file.count)
    expect(file.count).toBe(await t.tenant(admin, (tx) => countTools(tx)))
    expect(file.count).toBeGreaterThanOrEqual(60)
  })

  it('writes Shift_JIS on request, in English headers if asked, and the file imports back without changes', async () => {
    const file = await t.tenant(admin, (tx) => exportToolsCsv(tx, { encoding: 'shift_jis', locale: 'en', query: { q: 'マキタ' } }))
    expect(file.contentType).toBe('text/csv; charset=Shift_JIS')
    expect(file.body.includes(Buffer.from('マキタ', 'utf8'))).toBe(false)
    const text = iconv.decode(file.body, 'cp932')
    expect(text.split('\r\n')[0]!.startsWith('Tool code,Category,Name,Model,Manufacturer')).toBe(true)
    expect(text).toContain('マキタ')
    const preview = await t.tenant(admin, (tx) => previewToolImport(tx, { bytes: file.body }))
    expect(preview).toMatchObject({ ok: true, data: { encoding: 'shift_jis', summary: { error: 0, create: 0, update: file.count } } })
    const before = await t.admin<{ n: number }>(`select count(*)::int as n from audit_logs where organization_id = $1 and table_name = 'tools'`, [A.id])
    expect(await t.tenant(admin, (tx) => importToolsCsv(tx, { bytes: file.body }))).toMatchObject({ ok: true, data: { updated: file.count, created: 0 } })
    const after = await t.admin<{ n: number }>(`select count(*)::int as n from audit_logs where organization_id = $1 and table_name = 'tools'`, [A.id])
    // The audit trigger skips updates that change nothing: a round trip leaves no trace.
    expect(after[0]!.n).toBe(before[0]!.n)
  })
})
