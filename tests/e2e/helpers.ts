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

/** The newest mail to `to` that the e2e SMTP server received (waits for it), with its first link on our hosts. */
export async function latestMail(to: string, subject: RegExp): Promise<{ subject: string; text: string; link: string }> {
  const { readdirSync, readFileSync } = await import('node:fs')
  const path = await import('node:path')
  const { simpleParser } = await import('mailparser')
  const { mailDir } = await import('./mail-server')
  for (let i = 0; i < 60; i++) {
    const files = readdirSync(mailDir()).sort().reverse()
    for (const file of files) {
      const mail = await simpleParser(readFileSync(path.join(mailDir(), file)))
      const addressed = [mail.to].flat().some((a) => a?.text.includes(to))
      if (addressed && subject.test(mail.subject ?? '')) {
        const link = (mail.text ?? '').match(/https?:\/\/\S+/)?.[0] ?? ''
        return { subject: mail.subject ?? '', text: mail.text ?? '', link }
      }
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`no mail to ${to} matching ${subject}`)
}

/** Registers a new company on the apex and returns where it landed (signed in as its owner). */
export async function registerCompany(page: Page, input: { subdomain: string; email: string; password: string; company?: string; owner?: string }) {
  await open(page, url('', '/register'))
  await page.getByLabel('会社名', { exact: true }).fill(input.company ?? 'E2E 建設株式会社')
  await page.getByLabel('会社のアドレス（サブドメイン）', { exact: true }).fill(input.subdomain)
  await expect(page.getByTestId('subdomain-status')).toContainText('使えます')
  await page.getByLabel('あなたのお名前', { exact: true }).fill(input.owner ?? '試験 太郎')
  await page.getByLabel('メールアドレス', { exact: true }).fill(input.email)
  await page.getByLabel('パスワード', { exact: true }).fill(input.password)
  await page.getByRole('button', { name: '登録して始める' }).click()
  await expect(page).toHaveURL(url(input.subdomain, '/'))
  await expect(page.getByRole('heading', { name: 'ホーム' })).toBeVisible()
}

export const uniqueSub = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`

/** Opens a page and waits until its scripts have loaded (forms hydrated), as a person would before typing. */
export async function open(page: Page, href: string) {
  await page.goto(href)
  await page.waitForLoadState('networkidle')
}
