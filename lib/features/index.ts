import { eq } from 'drizzle-orm'
import type { Tx } from '../db'
import { organizationFeatures, organizations } from '../db/schema'
import { currentOrg } from '../tenant-sql'

/** Features a plan switches on (seed 004 §10.1: グラフ化 and コスト分析 are premium). */
export const featureKeys = ['charts', 'cost_analysis'] as const
export type FeatureKey = (typeof featureKeys)[number]

export const planFeatures: Record<string, readonly FeatureKey[]> = {
  basic: [],
  premium: ['charts', 'cost_analysis'],
  enterprise: ['charts', 'cost_analysis'],
}

export type Features = Record<FeatureKey, boolean>

/** What a plan gives, with the company's own rows (organization_features, set by the operator) overriding it. */
export function resolveFeatures(plan: string, overrides: { featureKey: string; isEnabled: boolean }[]): Features {
  const given = new Set<string>(planFeatures[plan] ?? [])
  for (const o of overrides) {
    if (o.isEnabled) given.add(o.featureKey)
    else given.delete(o.featureKey)
  }
  return Object.fromEntries(featureKeys.map((k) => [k, given.has(k)])) as Features
}

/** The current company's features (tenant tx). */
export async function companyFeatures(tx: Tx): Promise<Features> {
  const [org] = await tx.select({ plan: organizations.plan }).from(organizations).where(eq(organizations.id, currentOrg()))
  const overrides = await tx.select({ featureKey: organizationFeatures.featureKey, isEnabled: organizationFeatures.isEnabled }).from(organizationFeatures)
  return resolveFeatures(org?.plan ?? 'basic', overrides)
}
