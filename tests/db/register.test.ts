import { afterAll, describe, expect, it } from 'vitest'
import { createCategory, reorderCategories, updateCategory } from '@/lib/categories/commands'
import { categoryUsage, getCategory, listCategories } from '@/lib/categories/queries'
import { applyIndustryTemplate, createFieldDefinition, updateFieldDefinition } from '@/lib/custom-fields/commands'
import { listDueDateFields, listFieldDefinitions } from '@/lib/custom-fields/queries'
import { closeSite, createLocation, reopenSite, setLocationActive, updateLocation } from '@/lib/locations/commands'
import { getLocation, listLocations } from '@/lib/locations/queries'
import { updateToolStatus } from '@/lib/tool-statuses/commands'
import { listToolStatuses } from '@/lib/tool-statuses/queries'
import { createTool, restoreTool } from '@/lib/tools/commands'
import { countTools, listHolderOptions, listTools } from '@/lib/tools/queries'
import { openTestDb } from '../support/db'

const t = await openTestDb()
afterAll(() => t.close())

const A = t.company('demo')
const B = t.company('sakura-denki')
const must = <T>(r: { ok: true; data: T } | { ok: false; error: { code: string } }): T => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`)
  return r.data
}

describe('the demo seed', () => {
  it.each(['demo', 'sakura-denki'])('gives %s a living register', async (subdomain) => {
    const ctx = t.as(subdomain, 'viewer')
    const categories = await t.tenant(ctx, (tx) => listCategories(tx))
    expect(categories.map((c) => `${c.codePrefix} ${c.name}`)).toEqual(['A 電動工具', 'B 手工具', 'C 測定器', 'D 安全用具', 'E 消耗品'])
    expect(await t.tenant(ctx, (tx) => countTools(tx))).toBeGreaterThanOrEqual(60)
    const places = await t.tenant(ctx, (tx) => listLocations(tx, { includeInactive: true }))
    expect(places.filter((p) => p.type === 'warehouse').map((p) => p.name)).toContain('会社倉庫')
    expect(places.filter((p) => p.type === 'site').length).toBeGreaterThanOrEqual(3)
    const low = await t.tenant(ctx, (tx) => listTools(tx, { lowStock: true }))
    expect(low.items.length).toBeGreaterThanOrEqual(1)
    const measuring = await t.tenant(ctx, (tx) => listTools(tx, { categoryId: [categories[2]!.id], limit: 200 }))
    expect(measuring.items.some((i) => typeof i.customFields.next_calibration === 'string')).toBe(true)
    expect(new Set(measuring.items.map((i) => i.manufacturer))).toEqual(expect.any(Set))
    const makers = (await t.tenant(ctx, (tx) => listTools(tx, { limit: 200 }))).items.map((i) => i.manufacturer)
    for (const maker of ['マキタ', 'HiKOKI', 'パナソニック', 'タジマ', 'KTC', '共立電気計器', '日置電機']) expect(makers).toContain(maker)
    expect((await t.tenant(ctx, (tx) => listToolStatuses(tx))).length).toBeGreaterThanOrEqual(1)
    expect((await t.tenant(ctx, (tx) => listDueDateFields(tx))).map((f) => f.label)).toContain('次回校正日')
  })
})

describe('categories', () => {
  const admin = t.as('demo', 'admin')

  it('are created with a prefix, kept unique per company, reordered and renamed', async () => {
    const cat = must(await t.tenant(admin, (tx) => createCategory(tx, { name: '溶接機', codePrefix: 'w', usefulLifeYears: '6' })))
    expect(cat).toMatchObject({ codePrefix: 'W', usefulLifeYears: 6, isActive: true, nextCodeNumber: 1 })
    expect(await t.tenant(admin, (tx) => createCategory(tx, { name: '溶接機 2', codePrefix: 'W' }))).toMatchObject({ ok: false, error: { code: 'CODE_PREFIX_TAKEN' } })
    expect(await t.tenant(admin, (tx) => createCategory(tx, { name: '溶接機', codePrefix: 'WE' }))).toMatchObject({ ok: false, error: { code: 'CATEGORY_NAME_TAKEN' } })
    expect(await t.tenant(admin, (tx) => createCategory(tx, { name: '', codePrefix: 'W1' }))).toMatchObject({
      ok: false,
      error: { fields: { name: 'REQUIRED', codePrefix: 'INVALID_CODE_PREFIX' } },
    })
    // Another company may use the same prefix.
    expect(await t.tenant(admin, (tx) => updateCategory(tx, { id: cat.id, name: '溶接機・発電機' }))).toMatchObject({ ok: true, data: { name: '溶接機・発電機' } })
    const all = await t.tenant(admin, (tx) => listCategories(tx))
    must(await t.tenant(admin, (tx) => reorderCategories(tx, { ids: [cat.id, ...all.filter((c) => c.id !== cat.id).map((c) => c.id)] })))
    expect((await t.tenant(admin, (tx) => listCategories(tx)))[0]!.id).toBe(cat.id)
    const last = all.at(-1)!
    expect(must(await t.tenant(admin, (tx) => updateCategory(tx, { id: last.id, name: `${last.name}（改）` })))).toMatchObject({ isActive: true, displayOrder: all.length - 1 })
    expect(await t.tenant(admin, (tx) => updateCategory(tx, { id: crypto.randomUUID(), name: 'x' }))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await t.tenant(admin, (tx) => getCategory(tx, { id: cat.id }))).toMatchObject({ name: '溶接機・発電機' })
    must(await t.tenant(admin, (tx) => updateCategory(tx, { id: cat.id, isActive: false })))
    expect((await t.tenant(admin, (tx) => listCategories(tx))).some((c) => c.id === cat.id)).toBe(false)
    expect((await t.tenant(admin, (tx) => listCategories(tx, { includeInactive: true }))).some((c) => c.id === cat.id)).toBe(true)
  })

  it('stop at the plan limit with a clear code (basic plan: 5)', async () => {
    const sakura = t.as('sakura-denki', 'owner')
    expect(await t.tenant(sakura, (tx) => categoryUsage(tx))).toEqual({ used: 5, limit: 5 })
    const refused = await t.tenant(sakura, (tx) => createCategory(tx, { name: '配線工具', codePrefix: 'F' }))
    expect(refused).toEqual({ ok: false, error: { code: 'PLAN_LIMIT_CATEGORIES', details: { limit: 5 } } })
    expect(await t.tenant(t.as('demo', 'owner'), (tx) => categoryUsage(tx))).toMatchObject({ limit: null })
  })
})

describe('the plan’s tool limit', () => {
  const owner = t.as('sakura-denki', 'owner')
  const category = async () => (await t.admin<{ id: string }>(`select id from tool_categories where organization_id = $1 and code_prefix = 'B'`, [B.id]))[0]!.id

  it('is enforced on create and on restore, counting only tools outside the trash', async () => {
    const cat = await category()
    const [{ n }] = (await t.admin<{ n: number }>(`select count(*)::int as n from tools where organization_id = $1 and deleted_at is null`, [B.id])) as [{ n: number }]
    await t.admin(`update organizations set max_tools = $2 where id = $1`, [B.id, n + 1])
    must(await t.tenant(owner, (tx) => createTool(tx, { categoryId: cat, name: '最後の1個' })))
    expect(await t.tenant(owner, (tx) => createTool(tx, { categoryId: cat, name: '上限超え' }))).toEqual({
      ok: false,
      error: { code: 'PLAN_LIMIT_TOOLS', details: { limit: n + 1 } },
    })
    const [trashed] = await t.admin<{ id: string }>(`select id from tools where organization_id = $1 and deleted_at is not null limit 1`, [B.id])
    expect(await t.tenant(owner, (tx) => restoreTool(tx, { id: trashed!.id }))).toMatchObject({ ok: false, error: { code: 'PLAN_LIMIT_TOOLS' } })
    await t.admin(`update organizations set max_tools = 500 where id = $1`, [B.id])
  })

  it('holds under concurrent creations: with room for 3, exactly 3 of 12 succeed', async () => {
    const cat = await category()
    const [{ n }] = (await t.admin<{ n: number }>(`select count(*)::int as n from tools where organization_id = $1 and deleted_at is null`, [B.id])) as [{ n: number }]
    await t.admin(`update organizations set max_tools = $2 where id = $1`, [B.id, n + 3])
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => t.tenant(owner, (tx) => createTool(tx, { categoryId: cat, name: `同時 ${i}` }))))
    expect(results.filter((r) => r.ok)).toHaveLength(3)
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'PLAN_LIMIT_TOOLS')).toBe(true)
    const [{ m }] = (await t.admin<{ m: number }>(`select count(*)::int as m from tools where organization_id = $1 and deleted_at is null`, [B.id])) as [{ m: number }]
    expect(m).toBe(n + 3)
    await t.admin(`update organizations set max_tools = 500 where id = $1`, [B.id])
  })
})

describe('locations', () => {
  const leader = t.as('demo', 'leader')

  it('are created and edited with custom fields validated from the definitions', async () => {
    const site = must(
      await t.tenant(leader, (tx) =>
        createLocation(tx, {
          type: 'site',
          name: '品川オフィス内装',
          address: '東京都港区港南2-15-1',
          managerName: '鈴木 一郎',
          startsOn: '2026/12/1',
          customFields: { construction_number: 'K-2026-301' },
        }),
      ),
    )
    expect(site).toMatchObject({ type: 'site', startsOn: '2026-12-01', isActive: true, customFields: { construction_number: 'K-2026-301' } })
    expect(await t.tenant(leader, (tx) => createLocation(tx, { type: 'site', name: 'x', customFields: { nope: 1 } }))).toMatchObject({
      ok: false,
      error: { fields: { 'customFields.nope': 'UNKNOWN_FIELD' } },
    })
    expect(await t.tenant(leader, (tx) => createLocation(tx, { type: 'site', name: 'x', startsOn: '2026-12-01', endsOn: '2026-11-01' }))).toMatchObject({
      ok: false,
      error: { fields: { endsOn: 'ENDS_BEFORE_START' } },
    })
    expect(await t.tenant(leader, (tx) => updateLocation(tx, { id: site.id, endsOn: '2026-01-01' }))).toMatchObject({ ok: false, error: { fields: { endsOn: 'ENDS_BEFORE_START' } } })
    const edited = must(await t.tenant(leader, (tx) => updateLocation(tx, { id: site.id, managerName: '山田 太郎', customFields: { construction_number: 'K-2026-302' } })))
    expect(edited).toMatchObject({ managerName: '山田 太郎', customFields: { construction_number: 'K-2026-302' } })
    expect(await t.tenant(leader, (tx) => getLocation(tx, { id: site.id }))).toMatchObject({ name: '品川オフィス内装' })
    expect((await t.tenant(leader, (tx) => listLocations(tx, { type: 'site', q: '品川' }))).map((l) => l.name)).toEqual(['品川オフィス内装'])
    expect(await t.tenant(t.as('demo', 'staff'), (tx) => createLocation(tx, { type: 'warehouse', name: '勝手倉庫' }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await t.tenant(leader, (tx) => updateLocation(tx, { id: crypto.randomUUID(), name: 'x' }))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('closing a site is a clear action: refused while tools are there, then inactive with an end date, and reopened', async () => {
    const site = must(await t.tenant(leader, (tx) => createLocation(tx, { type: 'site', name: '終了予定現場', startsOn: '2026-01-01' })))
    const [cat] = await t.admin<{ id: string }>(`select id from tool_categories where organization_id = $1 and code_prefix = 'A'`, [A.id])
    const tool = must(await t.tenant(leader, (tx) => createTool(tx, { categoryId: cat!.id, name: '現場に残った道具', currentLocationId: site.id })))
    expect(await t.tenant(leader, (tx) => closeSite(tx, { id: site.id }))).toEqual({
      ok: false,
      error: { code: 'SITE_HAS_TOOLS', details: { count: 1, tools: [{ id: tool.id, toolCode: tool.toolCode, name: '現場に残った道具' }] } },
    })
    await t.admin(`update tools set current_location_id = null where id = $1`, [tool.id])
    const closed = must(await t.tenant(leader, (tx) => closeSite(tx, { id: site.id, endsOn: '2026-11-20' })))
    expect(closed).toMatchObject({ isActive: false, endsOn: '2026-11-20' })
    expect(closed.closedAt).not.toBeNull()
    expect(await t.tenant(leader, (tx) => closeSite(tx, { id: site.id }))).toMatchObject({ ok: false, error: { code: 'SITE_ALREADY_CLOSED' } })
    expect((await t.tenant(leader, (tx) => listLocations(tx))).some((l) => l.id === site.id)).toBe(false)
    expect(must(await t.tenant(leader, (tx) => reopenSite(tx, { id: site.id })))).toMatchObject({ isActive: true, endsOn: null, closedAt: null })
    const [warehouse] = await t.admin<{ id: string }>(`select id from locations where organization_id = $1 and type = 'warehouse' limit 1`, [A.id])
    expect(await t.tenant(leader, (tx) => closeSite(tx, { id: warehouse!.id }))).toMatchObject({ ok: false, error: { code: 'NOT_A_SITE' } })
    expect(must(await t.tenant(leader, (tx) => setLocationActive(tx, { id: warehouse!.id, isActive: false }))).isActive).toBe(false)
  })
})

describe('custom field definitions', () => {
  const admin = t.as('demo', 'admin')

  it('are added by owners and admins, with unique keys, and edited without changing key or type', async () => {
    const def = must(
      await t.tenant(admin, (tx) =>
        createFieldDefinition(tx, {
          entityType: 'tool',
          fieldKey: 'inspection_colour',
          label: '月例点検色',
          fieldType: 'select',
          options: { choices: [{ value: 'green', label: '緑' }, { value: 'yellow', label: '黄' }, { value: 'red', label: '赤' }, { value: 'white', label: '白' }] },
        }),
      ),
    )
    expect(def).toMatchObject({ fieldKey: 'inspection_colour', isActive: true })
    expect(await t.tenant(admin, (tx) => createFieldDefinition(tx, { entityType: 'tool', fieldKey: 'inspection_colour', label: 'x', fieldType: 'text' }))).toMatchObject({
      ok: false,
      error: { code: 'FIELD_KEY_TAKEN' },
    })
    expect(
      await t.tenant(admin, (tx) => createFieldDefinition(tx, { entityType: 'location', fieldKey: 'x', label: 'x', fieldType: 'text', categoryId: crypto.randomUUID() })),
    ).toMatchObject({ ok: false, error: { fields: { categoryId: 'INVALID' } } })
    expect(await t.tenant(t.as('demo', 'leader'), (tx) => createFieldDefinition(tx, { entityType: 'tool', fieldKey: 'y', label: 'y', fieldType: 'text' }))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    const edited = must(await t.tenant(admin, (tx) => updateFieldDefinition(tx, { id: def.id, label: '点検色', isRequired: true, displayOrder: 99 })))
    expect(edited).toMatchObject({ label: '点検色', isRequired: true, fieldType: 'select' })
    expect(await t.tenant(admin, (tx) => updateFieldDefinition(tx, { id: def.id, options: { choices: [] } }))).toMatchObject({
      ok: false,
      error: { fields: { 'options.choices': 'CHOICES_REQUIRED' } },
    })
    expect(await t.tenant(admin, (tx) => updateFieldDefinition(tx, { id: def.id, isDueDate: true }))).toMatchObject({ ok: false, error: { fields: { isDueDate: 'DUE_DATE_NEEDS_DATE' } } })
    // A required field is now enforced on tools.
    const [cat] = await t.admin<{ id: string }>(`select id from tool_categories where organization_id = $1 and code_prefix = 'A'`, [A.id])
    expect(await t.tenant(admin, (tx) => createTool(tx, { categoryId: cat!.id, name: 'x' }))).toMatchObject({ ok: false, error: { fields: { 'customFields.inspection_colour': 'REQUIRED' } } })
    must(await t.tenant(admin, (tx) => updateFieldDefinition(tx, { id: def.id, isActive: false })))
    expect((await t.tenant(admin, (tx) => listFieldDefinitions(tx, { entityType: 'tool' }))).some((d) => d.id === def.id)).toBe(false)
    expect((await t.tenant(admin, (tx) => listFieldDefinitions(tx, { entityType: 'tool', includeInactive: true }))).some((d) => d.id === def.id)).toBe(true)
    expect(await t.tenant(admin, (tx) => updateFieldDefinition(tx, { id: crypto.randomUUID(), label: 'x' }))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('come from the industry templates, adding only what the company lacks', async () => {
    const sakura = t.as('sakura-denki', 'admin')
    const painting = must(await t.tenant(sakura, (tx) => applyIndustryTemplate(tx, { template: 'painting' })))
    expect(painting).toEqual({ created: ['last_maintenance', 'nozzle_size'], skipped: [] })
    const electrical = must(await t.tenant(sakura, (tx) => applyIndustryTemplate(tx, { template: 'electrical' })))
    expect(electrical).toEqual({ created: [], skipped: ['calibration_date', 'next_calibration', 'calibration_certificate'] })
    const civil = must(await t.tenant(sakura, (tx) => applyIndustryTemplate(tx, { template: 'civil', categoryId: '' })))
    expect(civil.created).toEqual(['rental_company', 'rental_due_date', 'rental_cost'])
    expect((await t.tenant(sakura, (tx) => listDueDateFields(tx))).map((f) => f.fieldKey).sort()).toEqual(['next_calibration', 'rental_due_date'])
    expect(await t.tenant(sakura, (tx) => applyIndustryTemplate(tx, { template: 'plumbing' }))).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await t.tenant(t.as('demo', 'leader'), (tx) => applyIndustryTemplate(tx, { template: 'painting' }))).toEqual({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await t.tenant(t.as('demo', 'leader'), (tx) => listFieldDefinitions(tx, { entityType: 'tool' }))).some((d) => d.fieldKey === 'nozzle_size')).toBe(false)
  })
})

describe('company statuses', () => {
  it('are edited and deactivated by admins', async () => {
    const admin = t.as('demo', 'admin')
    const [first] = await t.tenant(admin, (tx) => listToolStatuses(tx))
    expect(must(await t.tenant(admin, (tx) => updateToolStatus(tx, { id: first!.id, color: '#123ABC', isActive: false })))).toMatchObject({ color: '#123abc', isActive: false })
    expect((await t.tenant(admin, (tx) => listToolStatuses(tx))).some((s) => s.id === first!.id)).toBe(false)
    expect((await t.tenant(admin, (tx) => listToolStatuses(tx, { includeInactive: true }))).some((s) => s.id === first!.id)).toBe(true)
    expect(await t.tenant(t.as('demo', 'leader'), (tx) => updateToolStatus(tx, { id: first!.id, label: 'x' }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await t.tenant(admin, (tx) => updateToolStatus(tx, { id: crypto.randomUUID(), label: 'x' }))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await t.tenant(admin, (tx) => updateToolStatus(tx, { id: first!.id, color: 'red' }))).toMatchObject({ ok: false, error: { fields: { color: 'INVALID_COLOR' } } })
  })
})


describe('holders', () => {
  it("are the company's active members, for every role, and only this company's", async () => {
    const names = (await t.tenant(t.as('demo', 'viewer'), (tx) => listHolderOptions(tx))).map((h) => h.name)
    expect(names).toEqual(expect.arrayContaining(['山田 太郎', '佐藤 花子', '鈴木 一郎', '田中 次郎', '高橋 美咲']))
    expect(names).not.toContain('伊藤 健')
    const staff = await t.tenant(t.as('sakura-denki', 'staff'), (tx) => listHolderOptions(tx))
    expect(staff.map((h) => h.userId)).toContain(t.as('sakura-denki', 'leader').userId)
  })
})
