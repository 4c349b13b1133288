import { expect, type Page } from '@playwright/test'
import { PORT } from '../../playwright.config'

/** A URL on one of our hosts: '' is the apex, 'admin' the console, anything else a company. */
export const url = (sub: string, path = '/') => `http://${sub ? sub + '.' : ''}localhost:${PORT}${path}`

export const DEMO_PASSWORD = 'genba-demo-2026'

/** Signs in as the seeded member with `role` of company `sub` (emails are <role>@<sub>.genba.test). */
export async function login(page: Page, sub: string, role: string, password = DEMO_PASSWORD) {
  await page.goto(url(sub, '/login'))
  await page.locator('input[name="email"]').fill(`${role}@${sub}.genba.test`)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('input[name="password"]').press('Enter')
  await expect(page).not.toHaveURL(/\/login/)
}
