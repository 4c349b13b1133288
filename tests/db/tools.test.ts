import { afterAll, describe, expect, it } from 'vitest'
import { createCategory, updateCategory } from '@/lib/categories/commands'
import { listCategories } from '@/lib/categories/queries'
import { createToolStatus } from '@/lib/tool-statuses/commands'
import { createTool, deleteTool, disposeTool, purgeExpiredTools, restoreTool, setToolStatus, updateTool } from '@/lib/tools/commands'
import { findToolIdByCode, getTool, listTools, listTrash } from '@/lib/tools/queries'
import { getRegisterSettings, updateRegisterSettings } from '@/lib/tools/settings'
import type { Tx } from '@/lib/db/types'
import { openTestDb, outcome, query, sql } from '../support/db'

const t = await openTestDb()
afterAll(() => t.close())

const A = t.company('demo')
const B = t.company('sakura-denki')
const owner = t.as('demo', 'owner')
const admin = t.as('demo', 'admin')
const leader = t.as('demo', 'leader')
const staff = t.as('demo', 'staff')
const viewer = t.as('demo', 'viewer')

const category = async (prefix: string, org = A.id) =>
  (await t.admin<{ id: string }>(`select id from tool_categories where organization_id = $1 and code_prefix = $2`, [org, prefix]))[0]!.id
const warehouse = async (org = A.id) =>
  (await t.admin<{ id: string }>(`select id from locations where organization_id = $1 and type = 'warehouse' order by name limit 1`, [org]))[0]!.id
const catA = await category('A')
const catB = await category('B')
const must = <T>(r: { ok: true; data: T } | { ok: false; error: { code: string } }): T => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`)
  return r.data
}

describe('tool_code', () => {
  it('50 concurrent creations in one category get 50 distinct consecutive codes', async () => {
    const cat = await category('B')
    const [before] = await t.admin<{ n: number }>(`select next_code_number as n from tool_categories where id = $1`, [cat])
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => t.tenant(leader, (tx) => createTool(tx, { categoryId: cat, name: `並行テスト ${i}` }))),
    )
    const codes = results.map((r) => must(r).toolCode)
    expect(new Set(codes).size).toBe(50)
    const numbers = codes.map((c) => Number(c.slice(2))).sort((a, b) => a - b)
    expect(numbers[0]).toBe(before!.n)
    expect(numbers[49]).toBe(before!.n + 49)
    expect(codes.every((c) => /^B-\d{4}$/.test(c))).toBe(true)
  })

  it('skips a code someone typed by hand, and a typed code is kept (normalised)', async () => {
    const cat = await category('D')
    const [{ n }] = (await t.admin<{ n: number }>(`select next_code_number as n from tool_categories where id = $1`, [cat])) as [{ n: number }]
    const next = `D-${String(n).padStart(4, '0')}`
    const typed = must(await t.tenant(leader, (tx) => createTool(tx, { categoryId: cat, name: '手入力', toolCode: next.toLowerCase() })))
    expect(typed.toolCode).toBe(next)
    const auto = must(await t.tenant(leader, (tx) => createTool(tx, { categoryId: cat, name: '自動' })))
    expect(auto.toolCode).toBe(`D-${String(n + 1).padStart(4, '0')}`)
  })

  it('can be edited, must stay valid and unique per company, and the uuid stays the identity', async () => {
    const cat = await category('A')
    const tool = must(await t.tenant(leader, (tx) => createTool(tx, { categoryId: cat, name: '番号変更テスト' })))
    const edited = must(await t.tenant(leader, (tx) => updateTool(tx, { id: tool.id, toolCode: 'x-777' })))
    expect(edited).toMatchObject({ id: tool.id, toolCode: 'X-0777' })
    expect(await t.tenant(leader, (tx) => findToolIdByCode(tx, { code: 'X-0777' }))).toBe(tool.id)
    const taken = await t.tenant(leader, (tx) => updateTool(tx, { id: tool.id, toolCode: 'A-0001' }))
    expect(taken).toMatchObject({ ok: false, error: { code: 'TOOL_CODE_TAKEN' } })
    const invalid = await t.tenant(leader, (tx) => updateTool(tx, { id: tool.id, toolCode: 'ドライバー' }))
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { toolCode: 'INVALID_TOOL_CODE' } } })
    // Another company may use the same code: uniqueness is per company.
    const other = await t.admin<{ code: string }>(
      `select b.tool_code as code from tools b where b.organization_id = $1
       and not exists (select 1 from tools a where a.organization_id = $2 and a.tool_code = b.tool_code) order by 1 limit 1`,
      [B.id, A.id],
    )
    expect(must(await t.tenant(leader, (tx) => updateTool(tx, { id: tool.id, toolCode: other[0]!.code }))).toolCode).toBe(other[0]!.code)
  })

  it('is refused by the database when malformed, whoever writes it', async () => {
    const cat = await category('A')
    const result = await outcome(t.tenant(owner, (tx) => query(tx, sql`insert into tools (organization_id, category_id, name, tool_code) values (${A.id}, ${cat}, 'x', 'A-1')`)))
    expect(result).toBe('23514')
  })

  it('shows the next code on the category list; handing out codes is not an audited edit of the category', async () => {
    const cat = await category('C')
    const audits = () => t.admin<{ n: number }>(`select count(*)::int as n from audit_logs where table_name = 'tool_categories' and record_id = $1`, [cat])
    const before = (await audits())[0]!.n
    must(await t.tenant(leader, (tx) => createTool(tx, { categoryId: cat, name: '計測器' })))
    expect((await audits())[0]!.n).toBe(before)
    const list = await t.tenant(viewer, (tx) => listCategories(tx))
    const row = list.find((c) => c.id === cat)!
    const [{ n }] = (await t.admin<{ n: number }>(`select next_code_number as n from tool_categories where id = $1`, [cat])) as [{ n: number }]
    expect(row.nextToolCode).toBe(`C-${String(n).padStart(4, '0')}`)
    expect(row.toolCount).toBeGreaterThan(0)
  })
})

describe('creating and editing tools', () => {
  it('records every field of seed 004 §5.2 and defaults the useful life from the category', async () => {
    const cat = await category('A')
    const place = await warehouse()
    const holder = A.members.find((m) => m.role === 'staff')!.userId
    const tool = must(
      await t.tenant(leader, (tx) =>
        createTool(tx, {
          categoryId: cat,
          name: ' 充電式インパクトドライバ ',
          modelNumber: 'TD173DRGX',
          manufacturer: 'マキタ',
          serialNumber: 'SN-1',
          purchaseDate: '2024/4/15',
          purchasePrice: '¥28,000',
          currentLocationId: place,
          currentHolderId: holder,
          manualUrl: 'https://www.makita.co.jp/',
          notes: '',
        }),
      ),
    )
    expect(tool).toMatchObject({
      name: '充電式インパクトドライバ',
      purchaseDate: '2024-04-15',
      purchasePrice: 28000,
      usefulLifeYears: 3,
      status: 'normal',
      managementType: 'individual',
      currentQuantity: null,
      notes: null,
      currentLocationId: place,
      currentHolderId: holder,
    })
    const detail = await t.tenant(viewer, (tx) => getTool(tx, { id: tool.id }))
    expect(detail).toMatchObject({ categoryName: '電動工具', holderName: '田中 次郎', locationType: 'warehouse', attachments: [] })
  })

  it('manages consumables by quantity, never below zero', async () => {
    const cat = await category('E')
    const missing = await t.tenant(leader, (tx) => createTool(tx, { categoryId: cat, name: '養生テープ', managementType: 'quantity' }))
    expect(missing).toMatchObject({ ok: false, error: { fields: { currentQuantity: 'REQUIRED' } } })
    const tape = must(await t.tenant(leader, (tx) => createTool(tx, { categoryId: cat, name: '養生テープ', managementType: 'quantity', currentQuantity: 5, unit: '巻', minStockAlert: 10 })))
    expect(tape).toMatchObject({ currentQuantity: 5, unit: '巻', minStockAlert: 10 })
    const negative = await t.tenant(leader, (tx) => updateTool(tx, { id: tape.id, currentQuantity: -1 }))
    expect(negative).toMatchObject({ ok: false, error: { fields: { currentQuantity: 'TOO_SMALL' } } })
    expect(await outcome(t.tenant(leader, (tx) => query(tx, sql`update tools set current_quantity = -1 where id = ${tape.id}`)))).toBe('23514')
    const renamed = must(await t.tenant(leader, (tx) => updateTool(tx, { id: tape.id, name: '養生テープ 緑' })))
    expect(renamed).toMatchObject({ name: '養生テープ 緑', managementType: 'quantity', currentQuantity: 5, minStockAlert: 10 })
    // Switching to individual management clears the quantity columns.
    const single = must(await t.tenant(leader, (tx) => updateTool(tx, { id: tape.id, managementType: 'individual' })))
    expect(single).toMatchObject({ currentQuantity: null, unit: null, minStockAlert: null })
  })

  it('refuses another company’s category, location and member as composite keys, with error codes', async () => {
    const cat = await category('A')
    const theirCategory = await category('A', B.id)
    const theirPlace = await warehouse(B.id)
    const theirMember = B.members[0]!.userId
    expect(await t.tenant(leader, (tx) => createTool(tx, { categoryId: theirCategory, name: 'x' }))).toMatchObject({
      ok: false,
      error: { fields: { categoryId: 'CATEGORY_NOT_FOUND' } },
    })
    expect(await t.tenant(leader, (tx) => createTool(tx, { categoryId: cat, name: 'x', currentLocationId: theirPlace }))).toMatchObject({
      ok: false,
      error: { code: 'LOCATION_NOT_FOUND' },
    })
    expect(await t.tenant(leader, (tx) => createTool(tx, { categoryId: cat, name: 'x', currentHolderId: theirMember }))).toMatchObject({
      ok: false,
      error: { code: 'HOLDER_NOT_FOUND' },
    })
  })

  it('validates custom fields from the definitions, with field-level errors, and keeps them per category', async () => {
    const measuring = await category('C')
    const power = await category('A')
    const bad = await t.tenant(leader, (tx) =>
      createTool(tx, { categoryId: measuring, name: 'テスター', customFields: { next_calibration: '2025-13-01', rental_cost: 'たくさん', colour: 'red' } }),
    )
    expect(bad).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: { 'customFields.next_calibration': 'INVALID_DATE', 'customFields.rental_cost': 'INVALID_NUMBER', 'customFields.colour': 'UNKNOWN_FIELD' },
      },
    })
    // Calibration fields belong to 測定器 only: on a power tool they are unknown.
    const wrongCategory = await t.tenant(leader, (tx) => createTool(tx, { categoryId: power, name: 'ドリル', customFields: { calibration_date: '2025-01-01' } }))
    expect(wrongCategory).toMatchObject({ ok: false, error: { fields: { 'customFields.calibration_date': 'UNKNOWN_FIELD' } } })
    const good = must(
      await t.tenant(leader, (tx) =>
        createTool(tx, { categoryId: measuring, name: 'テスター', customFields: { calibration_date: '2025/11/1', next_calibration: '2026-11-01', rental_cost: '1,500' } }),
      ),
    )
    expect(good.customFields).toEqual({ calibration_date: '2025-11-01', next_calibration: '2026-11-01', rental_cost: 1500 })
    const edited = must(await t.tenant(leader, (tx) => updateTool(tx, { id: good.id, customFields: { next_calibration: '2027-01-01' } })))
    expect(edited.customFields).toEqual({ next_calibration: '2027-01-01' })
  })

  it('refuses tools in an inactive category, but deactivating a category keeps its tools', async () => {
    const cat = must(await t.tenant(owner, (tx) => createCategory(tx, { name: '足場', codePrefix: 'sc' })))
    const tool = must(await t.tenant(leader, (tx) => createTool(tx, { categoryId: cat.id, name: '単管パイプ' })))
    expect(tool.toolCode).toBe('SC-0001')
    must(await t.tenant(owner, (tx) => updateCategory(tx, { id: cat.id, isActive: false })))
    expect(await t.tenant(leader, (tx) => createTool(tx, { categoryId: cat.id, name: 'クランプ' }))).toMatchObject({
      ok: false,
      error: { fields: { categoryId: 'CATEGORY_INACTIVE' } },
    })
    expect((await t.tenant(viewer, (tx) => getTool(tx, { id: tool.id })))?.categoryName).toBe('足場')
  })
})

describe('statuses', () => {
  it('uses the four built-in statuses plus the company’s own, which stand for a base status', async () => {
    const cat = await category('A')
    const tool = must(await t.tenant(leader, (tx) => createTool(tx, { categoryId: cat, name: 'ステータス確認' })))
    const calibrating = must(await t.tenant(admin, (tx) => createToolStatus(tx, { label: '外部校正中', color: '#7C3AED', baseStatus: 'repair' })))
    expect(calibrating.color).toBe('#7c3aed')
    const custom = must(await t.tenant(staff, (tx) => setToolStatus(tx, { id: tool.id, statusId: calibrating.id })))
    expect(custom).toMatchObject({ status: 'repair', statusId: calibrating.id })
    const listed = (await t.tenant(viewer, (tx) => listTools(tx, { status: [calibrating.id] }))).items
    expect(listed.map((x) => [x.id, x.statusLabel, x.statusColor])).toEqual([[tool.id, '外部校正中', '#7c3aed']])
    const broken = must(await t.tenant(staff, (tx) => updateTool(tx, { id: tool.id, status: 'broken' })).then((r) => (r.ok ? r : t.tenant(leader, (tx) => updateTool(tx, { id: tool.id, status: 'broken' })))))
    expect(broken).toMatchObject({ status: 'broken', statusId: null })
    const duplicate = await t.tenant(admin, (tx) => createToolStatus(tx, { label: '外部校正中', color: '#000000' }))
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'STATUS_LABEL_TAKEN' } })
    expect(await t.tenant(leader, (tx) => createToolStatus(tx, { label: '貸出中', color: '#000000' }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('records a disposal with its date and reason, and undoes it by setting a status', async () => {
    const cat = await category('A')
    const tool = must(await t.tenant(leader, (tx) => createTool(tx, { categoryId: cat, name: '廃棄予定' })))
    expect(await t.tenant(leader, (tx) => disposeTool(tx, { id: tool.id, reason: ' ' }))).toMatchObject({ ok: false, error: { fields: { reason: 'REQUIRED' } } })
    const disposed = must(await t.tenant(leader, (tx) => disposeTool(tx, { id: tool.id, disposedOn: '2026-11-01', reason: 'モーター焼損' })))
    expect(disposed).toMatchObject({ status: 'disposed', disposedOn: '2026-11-01', disposalReason: 'モーター焼損' })
    expect((await t.tenant(viewer, (tx) => listTools(tx, { q: '廃棄予定' }))).items).toEqual([])
    expect((await t.tenant(viewer, (tx) => listTools(tx, { q: '廃棄予定', status: ['disposed'] }))).items.map((x) => x.id)).toEqual([tool.id])
    expect(await outcome(t.tenant(leader, (tx) => query(tx, sql`update tools set status = 'disposed', disposed_on = null where id = ${tool.id}`)))).toBe('23514')
    const back = must(await t.tenant(leader, (tx) => setToolStatus(tx, { id: tool.id, status: 'normal' })))
    expect(back).toMatchObject({ status: 'normal', disposedOn: null, disposalReason: null })
  })
})

describe('who may change what', () => {
  const newTool = async () => must(await t.tenant(leader, (tx) => createTool(tx, { categoryId: catA, name: '権限テスト' })))

  it('staff move tools (place, holder, quantity, status) and nothing else; they cannot dispose', async () => {
    const tool = await newTool()
    const place = await warehouse()
    const me = A.members.find((m) => m.role === 'staff')!.userId
    const moved = await t.tenant(staff, (tx) =>
      query<{ id: string }>(tx, sql`update tools set current_location_id = ${place}, current_holder_id = ${me}, status = 'repair' where id = ${tool.id} returning id`),
    )
    expect(moved).toHaveLength(1)
    expect(await outcome(t.tenant(staff, (tx) => query(tx, sql`update tools set name = 'renamed' where id = ${tool.id}`)))).toBe('42501')
    expect(await outcome(t.tenant(staff, (tx) => query(tx, sql`update tools set purchase_price = 1 where id = ${tool.id}`)))).toBe('42501')
    expect(await t.tenant(staff, (tx) => updateTool(tx, { id: tool.id, name: 'renamed' }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await t.tenant(staff, (tx) => disposeTool(tx, { id: tool.id, reason: '壊れた' }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await t.tenant(staff, (tx) => createTool(tx, { categoryId: tool.categoryId, name: 'x' }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await t.tenant(staff, (tx) => deleteTool(tx, { id: tool.id }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const [row] = await t.admin<{ name: string; status: string }>(`select name, status from tools where id = $1`, [tool.id])
    expect(row).toEqual({ name: '権限テスト', status: 'repair' })
  })

  it('viewers write nothing', async () => {
    const tool = await newTool()
    expect(await t.tenant(viewer, (tx) => createTool(tx, { categoryId: tool.categoryId, name: 'x' }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await t.tenant(viewer, (tx) => updateTool(tx, { id: tool.id, name: 'x' }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await t.tenant(viewer, (tx) => setToolStatus(tx, { id: tool.id, status: 'broken' }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const changed = await t.tenant(viewer, (tx) => query(tx, sql`update tools set current_quantity = 3 where id = ${tool.id} returning 1`))
    expect(changed).toHaveLength(0)
    expect(await t.tenant(viewer, (tx) => createCategory(tx, { name: 'x', codePrefix: 'XQ' }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('leaders create and edit tools but not categories or settings', async () => {
    expect(await t.tenant(leader, (tx) => createCategory(tx, { name: '新カテゴリー', codePrefix: 'NC' }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await t.tenant(leader, (tx) => updateRegisterSettings(tx, { trashRetentionMonths: 1 }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const tool = await newTool()
    expect(must(await t.tenant(leader, (tx) => updateTool(tx, { id: tool.id, name: '名前変更' }))).name).toBe('名前変更')
  })
})

describe('trash: soft delete, restore, purge', () => {
  it('hides a deleted tool from the list and the detail page, shows it in the trash, and only owners/admins restore', async () => {
    const tool = must(await t.tenant(leader, (tx) => createTool(tx, { categoryId: catB, name: 'ゴミ箱テスト' })))
    must(await t.tenant(leader, (tx) => deleteTool(tx, { id: tool.id })))
    expect((await t.tenant(viewer, (tx) => listTools(tx, { q: 'ゴミ箱テスト' }))).items).toEqual([])
    expect(await t.tenant(viewer, (tx) => getTool(tx, { id: tool.id }))).toBeNull()
    expect(await t.tenant(viewer, (tx) => findToolIdByCode(tx, { code: tool.toolCode }))).toBeNull()
    expect(await t.tenant(leader, (tx) => updateTool(tx, { id: tool.id, name: 'x' }))).toMatchObject({ ok: false, error: { code: 'TOOL_IN_TRASH' } })
    const trash = await t.tenant(admin, (tx) => listTrash(tx))
    const entry = trash.find((x) => x.id === tool.id)!
    expect(entry.deletedAt).not.toBeNull()
    expect(new Date(entry.purgeAfter).getUTCFullYear()).toBe(new Date().getUTCFullYear() + 3)
    expect(await t.tenant(leader, (tx) => restoreTool(tx, { id: tool.id }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    must(await t.tenant(admin, (tx) => restoreTool(tx, { id: tool.id })))
    expect((await t.tenant(viewer, (tx) => listTools(tx, { q: 'ゴミ箱テスト' }))).items.map((x) => x.id)).toEqual([tool.id])
    expect(await t.tenant(admin, (tx) => restoreTool(tx, { id: tool.id }))).toMatchObject({ ok: false, error: { code: 'TOOL_NOT_IN_TRASH' } })
  })

  it('purges only tools past the company’s retention, for one company or (system job) for all', async () => {
    const [{ n: seededTrash }] = (await t.admin<{ n: number }>(`select count(*)::int as n from tools where deleted_at is not null`)) as [{ n: number }]
    expect(seededTrash).toBeGreaterThanOrEqual(2)
    expect(await t.tenant(owner, (tx) => getRegisterSettings(tx))).toEqual({ trashRetentionMonths: 36 })
    must(await t.tenant(owner, (tx) => updateRegisterSettings(tx, { trashRetentionMonths: 12 })))
    expect(await t.tenant(owner, (tx) => getRegisterSettings(tx))).toEqual({ trashRetentionMonths: 12 })
    const tool = must(await t.tenant(leader, (tx) => createTool(tx, { categoryId: catB, name: '古いゴミ' })))
    await t.admin(`update tools set deleted_at = now() - interval '13 months' where id = $1`, [tool.id])
    await t.admin(`insert into tool_attachments (organization_id, tool_id, kind, storage_key, content_type, size_bytes, original_name)
      values ($1::uuid, $2::uuid, 'manual', $1::text || '/tools/' || $2::text || '/m.pdf', 'application/pdf', 10, 'm.pdf')`, [A.id, tool.id])
    // A viewer's purge removes nothing (the delete policy is for owners and admins).
    expect((await t.tenant(viewer, (tx) => purgeExpiredTools(tx))).count).toBe(0)
    const purged = await t.tenant(owner, (tx) => purgeExpiredTools(tx))
    expect(purged).toEqual({ count: 1, storageKeys: [`${A.id}/tools/${tool.id}/m.pdf`] })
    expect(await t.admin(`select 1 from tools where id = $1`, [tool.id])).toHaveLength(0)
    // Four years on, the scheduled job (withSystem) empties every company's trash: sakura keeps 24 months, demo 12.
    const later = new Date(Date.now() + 4 * 365 * 86_400_000)
    const all = await t.system((tx: Tx) => purgeExpiredTools(tx, { now: later }), 'trash purge')
    expect(all.count).toBe(seededTrash)
    expect(await t.admin(`select 1 from tools where deleted_at is not null`)).toHaveLength(0)
  })

  it('writes the trash moves to the audit log through the trigger', async () => {
    const tool = must(await t.tenant(leader, (tx) => createTool(tx, { categoryId: catB, name: '監査テスト' })))
    must(await t.tenant(leader, (tx) => updateTool(tx, { id: tool.id, modelNumber: 'M-2' })))
    must(await t.tenant(leader, (tx) => deleteTool(tx, { id: tool.id })))
    const rows = await t.admin<{ action: string; user_id: string; new_value: Record<string, unknown> | null }>(
      `select action, user_id, new_value from audit_logs where organization_id = $1 and table_name = 'tools' and record_id = $2 order by seq`,
      [A.id, tool.id],
    )
    expect(rows.map((r) => r.action)).toEqual(['insert', 'update', 'update'])
    expect(rows.every((r) => r.user_id === leader.userId)).toBe(true)
    expect(rows[0]!.new_value).toMatchObject({ tool_code: tool.toolCode, name: '監査テスト' })
    expect(rows[1]!.new_value).toEqual({ model_number: 'M-2' })
    expect(Object.keys(rows[2]!.new_value!).sort()).toEqual(['deleted_at', 'deleted_by'])
    const [chain] = await t.admin<{ broken: string | null }>(`select app.verify_audit_chain($1) as broken`, [A.id])
    expect(chain!.broken).toBeNull()
  })
})
