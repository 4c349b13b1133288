import { eq, sql } from 'drizzle-orm'
import sharp from 'sharp'
import { storeToolFile } from '../attachments/store'
import { defaultCategories } from '../categories/schemas'
import { industryTemplates } from '../custom-fields/templates'
import type { Tx } from '../db'
import { customFieldDefinitions, locations, registerSettings, toolCategories, toolStatuses, tools } from '../db/schema'
import type { SeedCompany, SeededCompany } from '../db/seed'
import { getStorage } from '../storage'
import type { Storage } from '../storage/types'
import { todayIso } from '../validation'
import { seedPlaces, seedTools } from './seed-data'

/** A small deterministic generator, so each demo company looks the same on every machine. */
function random(seed: string) {
  let h = 2166136261
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619)
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507)
    h = Math.imul(h ^ (h >>> 13), 3266489909)
    return ((h ^= h >>> 16) >>> 0) / 4294967296
  }
}

const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10)
const addYears = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`

/** A plain picture of a tool in the category's colour (no text: the demo must not depend on fonts). */
async function demoPhoto(color: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"><rect width="640" height="480" fill="#f1f5f9"/>
    <rect x="120" y="200" width="300" height="80" rx="16" fill="${color}"/><rect x="400" y="170" width="120" height="140" rx="20" fill="#334155"/>
    <rect x="170" y="280" width="70" height="140" rx="12" fill="#1e293b"/></svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer()
}

/** A one-page PDF, enough to stand for a calibration certificate. */
const demoPdf = () =>
  Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  )

/**
 * The demo register of a tenant company: the default categories, warehouses and job sites, 60+ tools with real
 * makers and models, consumables (some below their threshold), calibration dates on measuring instruments,
 * company statuses, custom fields, a tool in the trash and a few photos. Runs inside the demo seed (withSystem).
 */
export async function seedToolRegister(tx: Tx, company: SeededCompany, spec: SeedCompany, storage: Storage = getStorage()): Promise<void> {
  if (spec.kind !== 'tenant') return
  const org = company.id
  const electrical = company.subdomain === 'sakura-denki'
  const rnd = random(company.subdomain)
  const pick = <T>(items: T[]) => items[Math.floor(rnd() * items.length)]!
  const member = (role: string) => company.members.find((m) => m.role === role)?.userId ?? company.members[0]!.userId

  const categories = await tx
    .insert(toolCategories)
    .values(defaultCategories.map((c, i) => ({ organizationId: org, ...c, displayOrder: i })))
    .returning()
  const categoryOf = new Map(categories.map((c) => [c.codePrefix, c]))

  const statuses = await tx
    .insert(toolStatuses)
    .values(
      (electrical
        ? [
            { label: '校正済み', color: '#0e7490', baseStatus: 'normal' as const },
            { label: '校正中', color: '#7c3aed', baseStatus: 'repair' as const },
          ]
        : [
            { label: 'レンタル中', color: '#1d4ed8', baseStatus: 'normal' as const },
            { label: '点検待ち', color: '#a16207', baseStatus: 'repair' as const },
          ]
      ).map((s, i) => ({ organizationId: org, ...s, displayOrder: i })),
    )
    .returning()

  const measuring = categoryOf.get('C')!.id
  const fieldRows = [
    ...industryTemplates.electrical.map((f, i) => ({ ...f, entityType: 'tool' as const, displayOrder: i, categoryId: measuring })),
    ...(electrical ? [] : industryTemplates.civil.map((f, i) => ({ ...f, entityType: 'tool' as const, displayOrder: 10 + i, categoryId: null }))),
    {
      entityType: 'location' as const,
      fieldKey: electrical ? 'prime_contractor' : 'construction_number',
      label: electrical ? '元請会社' : '工事番号',
      fieldType: 'text' as const,
      options: {},
      isRequired: false,
      displayOrder: 0,
      categoryId: null,
    },
  ]
  await tx.insert(customFieldDefinitions).values(fieldRows.map((f) => ({ organizationId: org, ...f })))
  await tx.insert(registerSettings).values({ organizationId: org, trashRetentionMonths: electrical ? 24 : 36 })

  const places = await tx
    .insert(locations)
    .values(
      seedPlaces[company.subdomain]!.map((p, i) => ({
        organizationId: org,
        type: p.type,
        name: p.name,
        address: p.address,
        managerName: p.manager,
        startsOn: p.startsOn ?? null,
        endsOn: p.endsOn ?? null,
        isActive: !p.closed,
        closedAt: p.closed ? new Date(`${p.endsOn}T18:00:00+09:00`) : null,
        customFields: p.type === 'site' ? { [electrical ? 'prime_contractor' : 'construction_number']: electrical ? '大成電設株式会社' : `K-2026-${String(101 + i)}` } : {},
      })),
    )
    .returning()
  const warehouses = places.filter((p) => p.type === 'warehouse')
  const openSites = places.filter((p) => p.type === 'site' && p.isActive)
  const carriers = [member('leader'), member('staff'), member('admin')]

  const rows: (typeof tools.$inferInsert)[] = []
  let n = 0
  let calibratedCount = 0
  const today = todayIso()
  for (const item of seedTools) {
    for (let copy = 0; copy < item.count[electrical ? 1 : 0]; copy++) {
      n++
      const purchased = addDays('2018-04-01', Math.floor(rnd() * 3000))
      const atSite = !item.stock && rnd() < 0.45
      const fields: Record<string, unknown> = {}
      if (item.calibrated) {
        // Every fourth instrument is overdue for calibration, so the alerts have something to show.
        const calibrated = addDays(today, calibratedCount++ % 4 === 0 ? -380 - Math.floor(rnd() * 90) : -20 - Math.floor(rnd() * 300))
        Object.assign(fields, { calibration_date: calibrated, next_calibration: addYears(calibrated, 1), calibration_certificate: `CERT-${calibrated.slice(0, 4)}-${String(n).padStart(4, '0')}` })
      }
      rows.push({
        organizationId: org,
        categoryId: categoryOf.get(item.prefix)!.id,
        name: item.name,
        manufacturer: item.maker,
        modelNumber: item.model,
        serialNumber: item.stock ? null : `${item.model.replace(/[^A-Z0-9]/gi, '').slice(0, 6).toUpperCase()}${String(100000 + Math.floor(rnd() * 900000))}`,
        purchaseDate: purchased,
        purchasePrice: item.price,
        usefulLifeYears: categoryOf.get(item.prefix)!.usefulLifeYears,
        status: n % 13 === 0 ? 'repair' : n % 17 === 0 ? 'broken' : 'normal',
        currentLocationId: atSite ? pick(openSites).id : item.stock ? warehouses[0]!.id : pick(warehouses).id,
        currentHolderId: atSite ? pick(carriers) : null,
        managementType: item.stock ? 'quantity' : 'individual',
        currentQuantity: item.stock?.[0] ?? null,
        minStockAlert: item.stock?.[1] ?? null,
        unit: item.stock?.[2] ?? null,
        customFields: fields,
      })
    }
  }
  const inserted = await tx.insert(tools).values(rows).returning({ id: tools.id, categoryId: tools.categoryId, name: tools.name })

  // A few tools in other states: a company status, a disposal, and one in the trash.
  const [first, second, third, last] = [inserted[0]!, inserted[1]!, inserted[2]!, inserted[inserted.length - 1]!]
  await tx.update(tools).set({ statusId: statuses[0]!.id }).where(eq(tools.id, second.id))
  await tx
    .update(tools)
    .set({ status: 'disposed', disposedOn: '2026-08-31', disposalReason: 'モーター焼損のため修理不能（メーカー見積により廃棄）', currentLocationId: warehouses[0]!.id, currentHolderId: null })
    .where(eq(tools.id, third.id))
  await tx.update(tools).set({ deletedAt: sql`now() - interval '20 days'`, deletedBy: member('admin') }).where(eq(tools.id, last.id))

  const colors: Record<string, string> = { A: '#0f766e', B: '#1d4ed8', C: '#b45309', D: '#be123c', E: '#4d7c0f' }
  const photoOf = inserted.filter((t, i) => i === 0 || t.categoryId === measuring).slice(0, 3)
  for (const tool of photoOf) {
    const prefix = categories.find((c) => c.id === tool.categoryId)!.codePrefix
    const stored = await storeToolFile(tx, storage, {
      organizationId: org,
      toolId: tool.id,
      kind: 'photo',
      fileName: `${tool.name}.jpg`,
      bytes: await demoPhoto(colors[prefix]!),
      uploadedBy: member('leader'),
    })
    if (!stored.ok) throw new Error(`demo photo: ${stored.error.code}`)
  }
  const instrument = inserted.find((t) => t.categoryId === measuring) ?? first
  const certificate = await storeToolFile(tx, storage, {
    organizationId: org,
    toolId: instrument.id,
    kind: 'certificate',
    fileName: '校正証明書.pdf',
    bytes: demoPdf(),
    uploadedBy: member('admin'),
  })
  if (!certificate.ok) throw new Error(`demo certificate: ${certificate.error.code}`)
}
