import { afterAll, describe, expect, it } from 'vitest'
import { longUnreturnedAlert } from '@/lib/alerts/queries'
import { setDb } from '@/lib/db'
import { env } from '@/lib/env'
import { getManagementSettings } from '@/lib/maintenance/settings'
import { markRead, notify, openNotification } from '@/lib/notifications/commands'
import { runDailyDigest } from '@/lib/notifications/digest'
import { siteMail } from '@/lib/notifications/mail'
import { defaultPreferences, preferencesOf, savePreferences } from '@/lib/notifications/preferences'
import { listNotifications, unreadCount } from '@/lib/notifications/queries'
import { todayIso } from '@/lib/validation'
import { openTestDb } from '../support/db'
import { startSmtpServer } from '../support/smtp'

const t = await openTestDb()
setDb(t.db)

const server = await startSmtpServer()
const { received } = server
const smtp = { ...env(), SMTP_URL: server.url, MAIL_FROM: 'Genba <no-reply@genba.test>' }

afterAll(async () => {
  await server.close()
  setDb(undefined)
  await t.close()
})

const A = t.company('demo')
const owner = t.as('demo', 'owner')
const staff = t.as('demo', 'staff')
const leader = t.as('demo', 'leader')
const viewer = t.as('demo', 'viewer')

describe('preferences', () => {
  it('default by role: everything in the bell; mail for managers’ alerts, leaders’ overdue, everyone’s closed sites', () => {
    expect(defaultPreferences('owner').low_stock).toEqual({ inApp: true, email: true })
    expect(defaultPreferences('leader').low_stock).toEqual({ inApp: true, email: false })
    expect(defaultPreferences('leader').due.email).toBe(true)
    expect(defaultPreferences('staff').site_closed.email).toBe(true)
    expect(Object.values(defaultPreferences('viewer')).every((c) => c.inApp && !c.email)).toBe(true)
  })

  it('each member saves their own; colleagues read them; what was saved overrides the default', async () => {
    const saved = await t.tenant(leader, (tx) => savePreferences(tx, { low_stock: { inApp: 'on', email: 'on' }, due: { inApp: 'on' } }))
    expect(saved).toMatchObject({ ok: true, data: { low_stock: { inApp: true, email: true }, due: { inApp: true, email: false }, long_unreturned: { email: true } } })
    const seen = await t.tenant(staff, (tx) => preferencesOf(tx, [leader.userId]))
    expect(seen.get(leader.userId)!.preferences.due).toEqual({ inApp: true, email: false })
    expect(await t.tenant(leader, (tx) => savePreferences(tx, { nonsense: {} } as never))).toMatchObject({ error: { code: 'VALIDATION' } })
    // RLS: nobody writes another member's choices, whatever they send.
    const forged = await t.tenant(owner, (tx) =>
      tx.execute(`insert into notification_preferences (organization_id, user_id, topic, in_app, email) values ('${A.id}', '${staff.userId}', 'due', false, false)` as never),
    ).catch((e: unknown) => e)
    expect(forged).toBeInstanceOf(Error)
    expect((await t.tenant(owner, (tx) => preferencesOf(tx, []))).size).toBe(0)
  })
})

describe('the bell', () => {
  it('notify reaches those who want the topic in the bell; each reads and marks only their own', async () => {
    await t.tenant(viewer, (tx) => savePreferences(tx, { site_closed: { inApp: false } }))
    const told = await t.tenant(owner, (tx) => notify(tx, [staff.userId, viewer.userId, staff.userId], { topic: 'site_closed', kind: 'returnRequested', params: { site: '渋谷', count: 2 }, link: '/tools' }))
    expect(told).toEqual([staff.userId])
    expect(await t.tenant(owner, (tx) => notify(tx, [], { topic: 'repairs', kind: 'repairDone' }))).toEqual([])
    const before = await t.tenant(staff, (tx) => unreadCount(tx))
    expect(before).toBeGreaterThan(0)
    const mine = await t.tenant(staff, (tx) => listNotifications(tx, { limit: 100 }))
    expect(mine.every((n) => n.userId === staff.userId)).toBe(true)
    expect(mine[0]).toMatchObject({ kind: 'returnRequested', params: { site: '渋谷', count: 2 }, readAt: null })
    expect(await t.tenant(staff, (tx) => listNotifications(tx, { before: new Date(0) }))).toEqual([])
    // The owner cannot mark (or see) the staff member's notification.
    expect(await t.tenant(owner, (tx) => markRead(tx, { ids: [mine[0]!.id] }))).toMatchObject({ ok: true, data: { count: 0 } })
    expect(await t.tenant(staff, (tx) => markRead(tx, { ids: [mine[0]!.id] }))).toMatchObject({ ok: true, data: { count: 1 } })
    expect(await t.tenant(staff, (tx) => unreadCount(tx))).toBe(before - 1)
    await t.tenant(staff, (tx) => markRead(tx))
    expect(await t.tenant(staff, (tx) => unreadCount(tx))).toBe(0)
    expect(await t.tenant(staff, (tx) => markRead(tx, { ids: [] }))).toMatchObject({ data: { count: 0 } })
  })

  it('opening a notification marks it read and gives the stored link; another member’s gives nothing', async () => {
    await t.tenant(owner, (tx) => notify(tx, [staff.userId], { topic: 'site_closed', kind: 'returnRequested', params: { site: '品川', count: 1 }, link: '/tools?holderId=x' }))
    const [latest] = await t.tenant(staff, (tx) => listNotifications(tx, { limit: 1 }))
    expect(await t.tenant(owner, (tx) => openNotification(tx, latest!.id))).toBeNull()
    expect(await t.tenant(staff, (tx) => openNotification(tx, latest!.id))).toEqual({ link: '/tools?holderId=x' })
    expect((await t.tenant(staff, (tx) => listNotifications(tx, { limit: 1 })))[0]!.readAt).not.toBeNull()
  })

  it('viewers cannot send notifications', async () => {
    const refused = await t.tenant(viewer, (tx) => notify(tx, [staff.userId], { topic: 'repairs', kind: 'repairDone' })).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(Error)
  })
})

describe('the daily digest', () => {
  it('is not sent without a mail route', async () => {
    expect(await runDailyDigest({ env: { ...env(), SMTP_URL: undefined, NODE_ENV: 'production' } })).toMatchObject({ skipped: 'no-mail-route', sent: 0 })
  })

  it('mails each member who chose alert topics what they asked for, over SMTP, with links to the lists behind it', async () => {
    received.length = 0
    const run = await runDailyDigest({ env: smtp, subdomains: ['demo'] })
    expect(run.failed).toBe(0)
    expect(run.sent).toBe(received.length)
    const to = (who: string) => received.find((m) => [m.to].flat().some((a) => a?.text.includes(`${who}@demo.genba.test`)))
    const ownerMail = to('owner')!
    expect(ownerMail.subject).toBe(`【デモ建設株式会社】今朝の要注意（${todayIso()}）`)
    expect(ownerMail.text).toContain('山田 太郎 さん、おはようございます。')
    expect(ownerMail.text).toMatch(/在庫不足 \d+件/)
    expect(ownerMail.text).toContain('ビニールテープ 黒')
    expect(ownerMail.text).toContain('http://demo.localhost:3000/tools?lowStock=1')
    expect(ownerMail.text).toMatch(/次回校正日：期限切れ \d+件/)
    expect(ownerMail.text).toContain('修理・故障')
    expect(ownerMail.html).toContain('href="http://demo.localhost:3000/tools?onSiteDays=7"')
    // The leader chose low stock but not due dates by mail (the test above).
    const leaderMail = to('leader')!
    expect(leaderMail.text).toContain('在庫不足')
    expect(leaderMail.text).not.toContain('次回校正日')
    expect(to('viewer')).toBeUndefined()
    // Staff get their own long-unreturned tools only (seeded choice).
    const own = await t.tenant(staff, async (tx) => longUnreturnedAlert(tx, { settings: await getManagementSettings(tx), holderId: staff.userId, limit: 50 }))
    const staffMail = to('staff')
    if (own.count === 0) expect(staffMail).toBeUndefined()
    else {
      expect(staffMail!.text).toContain(`あなたが現場に 7日以上置いている道具 ${own.count}件`)
      expect(staffMail!.text).not.toContain('在庫不足')
    }
  })

  it('skips members with nothing to report in their topics, and writes English for English readers', async () => {
    await t.admin(`update users set locale = 'en' where id = $1`, [owner.userId])
    await t.tenant(owner, (tx) => savePreferences(tx, { low_stock: { email: false }, long_unreturned: { email: false }, due: { email: false }, repairs: { email: true } }))
    await t.admin(`update repair_records set status = 'done' where organization_id = $1`, [A.id])
    received.length = 0
    const run = await runDailyDigest({ env: smtp, subdomains: ['demo'] })
    expect(run.empty).toBeGreaterThanOrEqual(1)
    expect(received.some((m) => [m.to].flat().some((a) => a?.text.includes('owner@demo')))).toBe(false)
    await t.tenant(owner, (tx) => savePreferences(tx, { low_stock: { email: true } }))
    received.length = 0
    await runDailyDigest({ env: smtp, subdomains: ['demo'] })
    const mail = received.find((m) => [m.to].flat().some((a) => a?.text.includes('owner@demo')))!
    expect(mail.subject).toBe(`デモ建設株式会社: this morning’s alerts (${todayIso()})`)
    expect(mail.text).toMatch(/Low stock: \d+/)
  })

  it('tells a holder about a closed site in their language', () => {
    const m = siteMail({ locale: 'en', to: 'a@example.jp', name: 'Ken', company: 'Demo', site: 'Shibuya <B>', count: 2, closed: true, url: 'http://demo.localhost:3000/tools' })
    expect(m.subject).toBe('Demo: Shibuya <B> has closed — please bring your tools back')
    expect(m.html).toContain('Shibuya &#60;B&#62;')
    expect(siteMail({ locale: 'ja', to: 'a@example.jp', name: '健', company: 'デモ', site: '渋谷', count: 1, closed: false, url: 'x' }).subject).toBe('【デモ】渋谷 の道具を戻してください')
  })
})
