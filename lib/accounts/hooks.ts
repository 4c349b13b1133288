import { createDefaultRegister } from '../tools/defaults'
import type { Tx } from '../db/types'

export interface CreatedCompany {
  id: string
  name: string
  subdomain: string
}

export interface CompanyOwner {
  userId: string
  name: string
  email: string
}

/**
 * What else a new company needs, run inside the sign-up transaction (privileged). Other domains register
 * here (tools: the default categories 電動工具 A … 消耗品 E; locations: the company warehouse), so sign-up
 * does not import them.
 */
export type CompanyCreatedHook = (tx: Tx, company: CreatedCompany, owner: CompanyOwner) => Promise<void>

export const companyCreatedHooks: CompanyCreatedHook[] = [createDefaultRegister]
