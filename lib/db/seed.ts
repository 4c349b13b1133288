import { sql } from 'drizzle-orm'
import { runAsSystem } from './context'
import { rows } from './sql'
import { seedAccounts } from '../accounts/seed'
import { seedCredentials } from '../auth/seed'
import { idempotencyKeys, memberships, organizations, users } from './schema'
import type { Role } from './schema/helpers'
import type { Database, Tx } from './types'
import { seedToolRegister } from '../tools/seed'
import { seedMovementHistory } from '../movements/seed'
import { seedLabels } from '../labels/seed'
import { seedMaintenance } from '../maintenance/seed'
import { seedNotifications } from '../notifications/seed'

export interface SeedMember {
  role: Role
  name: string
  email: string
}

export interface SeedCompany {
  name: string
  subdomain: string
  kind: 'tenant' | 'operator'
  plan: string
  maxUsers: number | null
  maxTools: number | null
  maxCategories: number | null
  members: SeedMember[]
}

const member = (role: Role, name: string, subdomain: string): SeedMember => ({ role, name, email: `${role}@${subdomain}.genba.test` })

export const demoCompanies: SeedCompany[] = [
  {
    name: 'Genba 運営事務局',
    subdomain: 'genba-ops',
    kind: 'operator',
    plan: 'enterprise',
    maxUsers: null,
    maxTools: null,
    maxCategories: null,
    members: [member('owner', '運営 管理者', 'genba-ops'), member('admin', '運営 サポート', 'genba-ops')],
  },
  {
    name: 'デモ建設株式会社',
    subdomain: 'demo',
    kind: 'tenant',
    plan: 'premium',
    maxUsers: 50,
    maxTools: null,
    maxCategories: null,
    members: [
      member('owner', '山田 太郎', 'demo'),
      member('admin', '佐藤 花子', 'demo'),
      member('leader', '鈴木 一郎', 'demo'),
      member('staff', '田中 次郎', 'demo'),
      member('viewer', '高橋 美咲', 'demo'),
    ],
  },
  {
    name: 'さくら電気工事株式会社',
    subdomain: 'sakura-denki',
    kind: 'tenant',
    plan: 'basic',
    maxUsers: 20,
    maxTools: 500,
    maxCategories: 5,
    members: [
      member('owner', '伊藤 健', 'sakura-denki'),
      member('admin', '渡辺 由美', 'sakura-denki'),
      member('leader', '中村 翔', 'sakura-denki'),
      member('staff', '小林 大輔', 'sakura-denki'),
      member('viewer', '加藤 愛', 'sakura-denki'),
    ],
  },
]

export interface SeededCompany {
  id: string
  subdomain: string
  members: (SeedMember & { userId: string })[]
}

/** Extra seeding steps that later domains register (tools, locations, movements…), run per company. */
export type CompanySeeder = (tx: Tx, company: SeededCompany, spec: SeedCompany) => Promise<void>
export const companySeeders: CompanySeeder[] = [seedCredentials, seedAccounts, seedToolRegister, seedMovementHistory, seedLabels, seedMaintenance, seedNotifications]

async function seedCompany(tx: Tx, spec: SeedCompany): Promise<SeededCompany> {
  const [org] = await tx
    .insert(organizations)
    .values({
      name: spec.name,
      subdomain: spec.subdomain,
      kind: spec.kind,
      plan: spec.plan,
      maxUsers: spec.maxUsers,
      maxTools: spec.maxTools,
      maxCategories: spec.maxCategories,
    })
    .returning({ id: organizations.id })
  const seeded: SeededCompany = { id: org!.id, subdomain: spec.subdomain, members: [] }
  for (const m of spec.members) {
    const [user] = await tx.insert(users).values({ email: m.email, name: m.name, locale: 'ja' }).returning({ id: users.id })
    await tx.insert(memberships).values({ organizationId: seeded.id, userId: user!.id, role: m.role })
    seeded.members.push({ ...m, userId: user!.id })
  }
  // A completed offline-sync request, as a phone would have left behind.
  const staff = seeded.members.find((m) => m.role === 'staff') ?? seeded.members[0]!
  await tx.insert(idempotencyKeys).values({
    organizationId: seeded.id,
    userId: staff.userId,
    key: crypto.randomUUID(),
    scope: 'seed',
    requestHash: 'seed',
    statusCode: 200,
    responseBody: { ok: true },
    completedAt: new Date(),
  })
  for (const seeder of companySeeders) await seeder(tx, seeded, spec)
  return seeded
}

export async function seedDemo(db: Database, companies = demoCompanies): Promise<SeededCompany[]> {
  return runAsSystem(db.orm, 'demo seed', async (tx) => {
    const seeded: SeededCompany[] = []
    for (const spec of companies) seeded.push(await seedCompany(tx, spec))
    return seeded
  })
}

export async function isEmpty(db: Database): Promise<boolean> {
  if (db.admin) return !(await db.admin.query<{ any: boolean }>('select exists (select 1 from organizations) as any'))[0]?.any
  const found = await runAsSystem(db.orm, 'seed check', (tx) => rows<{ any: boolean }>(tx, sql`select exists (select 1 from organizations) as any`))
  return !found[0]?.any
}

/** Seeds the demo companies into an empty database; does nothing once any company exists. */
export async function seedIfEmpty(db: Database): Promise<SeededCompany[] | null> {
  if (!(await isEmpty(db))) return null
  return seedDemo(db)
}
