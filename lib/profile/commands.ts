import { eq } from 'drizzle-orm'
import { users } from '../db/schema'
import type { Tx } from '../db/types'
import type { Locale } from '../i18n/locale'

/** A member's own language (tenant tx: RLS lets people change only their own row, and only name/locale). */
export async function setUserLocale(tx: Tx, userId: string, locale: Locale): Promise<void> {
  await tx.update(users).set({ locale }).where(eq(users.id, userId))
}
