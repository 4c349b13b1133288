import { afterAll, describe, expect, it } from 'vitest'
import { setDb } from '@/lib/db'
import { env } from '@/lib/env'
import { latestOutbox } from '@/lib/mail/outbox'
import { mailRoute, sendMail } from '@/lib/mail/send'
import { invitationMail, passwordResetMail } from '@/lib/mail/templates'
import { openTestDb } from '../support/db'
import { startSmtpServer } from '../support/smtp'

const t = await openTestDb()
setDb(t.db)

const smtp = await startSmtpServer()
const { received } = smtp

afterAll(async () => {
  await smtp.close()
  setDb(undefined)
  await t.close()
})

describe('mail', () => {
  it('goes out over SMTP when SMTP_URL is set, with the link intact', async () => {
    const url = 'http://demo.localhost:3000/join?token=' + 'a'.repeat(43)
    const mail = invitationMail({ locale: 'ja', to: 'shinjin@example.jp', company: 'デモ建設株式会社', inviter: '山田 太郎', role: 'staff', url })
    expect(await sendMail(mail, { ...env(), SMTP_URL: smtp.url, MAIL_FROM: 'Genba <no-reply@genba.test>' })).toBe('smtp')
    const got = received.at(-1)!
    expect(got.subject).toBe('デモ建設株式会社 の Genba に招待されました')
    expect(got.from?.text).toContain('no-reply@genba.test')
    expect(got.text).toContain('「スタッフ」')
    expect(got.text).toContain(url)
    expect(got.html).toContain(`href="${url}"`)
  })

  it('lands in the dev outbox in development without SMTP_URL', async () => {
    const mail = passwordResetMail({ locale: 'en', to: 'owner@demo.genba.test', company: 'Demo <Co>', url: 'http://demo.localhost:3000/reset-password?token=x' })
    expect(mail.html).toContain('Demo &#60;Co&#62;')
    expect(await sendMail(mail, { ...env(), SMTP_URL: undefined, NODE_ENV: 'development' })).toBe('outbox')
    const [latest] = await t.system((tx) => latestOutbox(tx, 1))
    expect(latest).toMatchObject({ toAddress: 'owner@demo.genba.test', subject: 'Reset your Genba password for Demo <Co>' })
  })

  it('is dropped (logged, not thrown) in production without SMTP_URL, or when the server is unreachable', async () => {
    expect(mailRoute({ SMTP_URL: undefined, NODE_ENV: 'production' })).toBe('dropped')
    const mail = passwordResetMail({ locale: 'ja', to: 'a@example.jp', company: 'X', url: 'http://x' })
    expect(await sendMail(mail, { ...env(), SMTP_URL: undefined, NODE_ENV: 'production' })).toBe('dropped')
    expect(await sendMail(mail, { ...env(), SMTP_URL: 'smtp://127.0.0.1:1' })).toBe('dropped')
  })
})
