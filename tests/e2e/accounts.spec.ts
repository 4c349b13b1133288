import { expect, test } from '@playwright/test'
import { generate } from 'otplib'
import { latestMail, open, registerCompany, uniqueSub, url } from './helpers'

const PASSWORD = 'kawara-no-hashi-2026'

test('a company signs up on the apex and lands on its own subdomain, signed in as owner', async ({ page }) => {
  const sub = uniqueSub('aozora')
  await open(page, url('', '/register'))
  // Availability and rules as you type; nothing more than "taken" about other companies.
  await page.getByLabel('会社のアドレス（サブドメイン）', { exact: true }).fill('demo')
  await expect(page.getByTestId('subdomain-status')).toHaveText('このアドレスはすでに使われています。')
  await page.getByLabel('会社のアドレス（サブドメイン）', { exact: true }).fill('admin')
  await expect(page.getByTestId('subdomain-status')).toHaveText('このアドレスは使えません。別のものにしてください。')
  // A common password is refused inline, and nothing typed is lost.
  await page.getByLabel('会社名', { exact: true }).fill('青空建設株式会社')
  await page.getByLabel('会社のアドレス（サブドメイン）', { exact: true }).fill(sub)
  await page.getByLabel('あなたのお名前', { exact: true }).fill('青空 一郎')
  await page.getByLabel('メールアドレス', { exact: true }).fill(`${sub}@example.jp`)
  await page.getByLabel('パスワード', { exact: true }).fill('password123')
  await page.getByRole('button', { name: '登録して始める' }).click()
  await expect(page.getByText('よく使われていて推測されやすいパスワードです。別のものにしてください。')).toBeVisible()
  await expect(page.getByLabel('会社名', { exact: true })).toHaveValue('青空建設株式会社')
  await expect(page.getByLabel('パスワード', { exact: true })).toHaveAttribute('autocomplete', 'new-password')
  await page.getByLabel('パスワード', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: '登録して始める' }).click()
  await expect(page).toHaveURL(url(sub, '/'))
  await expect(page.getByText('青空建設株式会社').first()).toBeVisible()
  await open(page, url(sub, '/members'))
  await expect(page.getByTestId('member-row')).toContainText(['青空 一郎'])
  await expect(page.getByTestId('member-row').first()).toContainText('オーナー')
})

test('an admin invites a staff member, who joins from another browser with the copied link', async ({ page, browser }) => {
  const sub = uniqueSub('tsuru')
  await registerCompany(page, { subdomain: sub, email: `${sub}@example.jp`, password: PASSWORD })
  await open(page, url(sub, '/members'))
  const invitee = `staff-${sub}@example.jp`
  await page.getByLabel('メールアドレス', { exact: true }).fill(invitee)
  await page.getByLabel('役割', { exact: true }).selectOption('staff')
  await page.getByRole('button', { name: '招待する' }).click()
  const link = await page.getByTestId('invite-link').inputValue()
  expect(link).toMatch(new RegExp(`^http://${sub}\\.localhost:\\d+/join\\?token=[A-Za-z0-9_-]{43}$`))
  await expect(page.getByRole('button', { name: 'リンクをコピー' })).toBeVisible()
  // The same link went out by mail (SMTP).
  const mail = await latestMail(invitee, /招待されました/)
  expect(mail.link).toBe(link)

  const other = await browser.newContext({ locale: 'ja-JP' })
  const joiner = await other.newPage()
  await open(joiner, link)
  await expect(joiner.getByText('「スタッフ」として招待されています')).toBeVisible()
  await joiner.getByLabel('お名前', { exact: true }).fill('新人 花子')
  await joiner.getByLabel('パスワード（新しく決める）', { exact: true }).fill('shinjin-no-pass-1')
  await joiner.getByRole('button', { name: 'アカウントを作って参加する' }).click()
  await expect(joiner).toHaveURL(url(sub, '/'))
  await expect(joiner.getByText('新人 花子')).toBeVisible()
  // A staff member sees the list but none of the managers' controls.
  await open(joiner, url(sub, '/members'))
  await expect(joiner.getByTestId('member-row')).toHaveCount(2)
  await expect(joiner.getByRole('button', { name: '招待する' })).toHaveCount(0)
  await expect(joiner.getByRole('button', { name: '役割を変更' })).toHaveCount(0)
  // The link works once.
  const third = await browser.newContext({ locale: 'ja-JP' })
  const late = await third.newPage()
  await open(late, link)
  await expect(late.getByRole('heading', { name: '招待リンクが使えません' })).toBeVisible()
  await other.close()
  await third.close()

  await page.reload()
  await expect(page.getByTestId('member-row')).toHaveCount(2)
})

test('forgot password: same answer for anyone, a mailed link, a new password, every session ended', async ({ page, browser }) => {
  const sub = uniqueSub('hashi')
  const email = `${sub}@example.jp`
  await registerCompany(page, { subdomain: sub, email, password: PASSWORD })
  const other = await browser.newContext({ locale: 'ja-JP' })
  const visitor = await other.newPage()
  await open(visitor, url(sub, '/login'))
  await visitor.getByRole('link', { name: 'パスワードを忘れた場合' }).click()
  await expect(visitor.getByRole('heading', { name: 'パスワードの再設定' })).toBeVisible()
  await visitor.waitForLoadState('networkidle')
  await visitor.getByLabel('メールアドレス', { exact: true }).fill('nobody@example.jp')
  await visitor.getByRole('button', { name: '再設定リンクを送る' }).click()
  const answer = '登録されているメールアドレスであれば、再設定用のリンクを送りました。メールをご確認ください（30分有効）。'
  await expect(visitor.getByRole('status')).toHaveText(answer)
  await visitor.getByLabel('メールアドレス', { exact: true }).fill(email)
  await visitor.getByRole('button', { name: '再設定リンクを送る' }).click()
  await expect(visitor.getByRole('status')).toHaveText(answer)

  const mail = await latestMail(email, /パスワード再設定/)
  expect(mail.link).toMatch(new RegExp(`^http://${sub}\\.localhost:\\d+/reset-password\\?token=`))
  await open(visitor, mail.link)
  await visitor.getByLabel('新しいパスワード', { exact: true }).fill('atarashii-pass-77')
  await visitor.getByRole('button', { name: 'パスワードを変更する' }).click()
  await expect(visitor).toHaveURL(url(sub, '/login?reset=1'))
  await expect(visitor.getByRole('status')).toHaveText('パスワードを変更しました。新しいパスワードでログインしてください。')
  // The link is used up; the owner's other session is over.
  await open(visitor, mail.link)
  await expect(visitor.getByText('このリンクは無効か、期限切れか、すでに使われています。')).toBeVisible()
  await open(page, url(sub, '/'))
  await expect(page).toHaveURL(/\/login/)
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill('atarashii-pass-77')
  await page.getByRole('button', { name: 'ログイン' }).click()
  await expect(page).toHaveURL(url(sub, '/'))
  await other.close()
})

test('two-factor: enrol with the QR secret, keep recovery codes, then sign in with a code', async ({ page }) => {
  const sub = uniqueSub('niju')
  const email = `${sub}@example.jp`
  await registerCompany(page, { subdomain: sub, email, password: PASSWORD })
  await open(page, url(sub, '/account/security'))
  await expect(page.getByTestId('two-factor-status')).toHaveText('状態: 未設定')
  await page.getByRole('button', { name: '設定を始める' }).click()
  await expect(page.getByRole('img', { name: '認証アプリで読み取るQRコード' })).toBeVisible()
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim()
  await page.getByLabel('確認コード', { exact: true }).fill('000000')
  await page.getByRole('button', { name: '確認して有効にする' }).click()
  await expect(page.getByText('コードが違うか、すでに使われています。').first()).toBeVisible()
  await page.getByLabel('確認コード', { exact: true }).fill(await generate({ secret }))
  await page.getByRole('button', { name: '確認して有効にする' }).click()
  await expect(page.getByTestId('recovery-codes').locator('li')).toHaveCount(10)
  await page.getByRole('link', { name: '控えました' }).click()
  await expect(page.getByTestId('two-factor-status')).toHaveText('状態: 有効')

  await page.getByRole('button', { name: 'ログアウト' }).click()
  await expect(page).toHaveURL(url(sub, '/login'))
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(PASSWORD)
  await page.getByRole('button', { name: 'ログイン' }).click()
  await expect(page).toHaveURL(/\/login\/two-factor/)
  // No session yet: the app still sends this browser to sign in.
  const code = page.getByLabel('確認コード', { exact: true })
  await expect(code).toHaveAttribute('autocomplete', 'one-time-code')
  // The enrolment code's step is used; the app shows the next one a few seconds early.
  await code.fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }))
  await page.getByRole('button', { name: '確認してログイン' }).click()
  await expect(page).toHaveURL(url(sub, '/'))
  await expect(page.getByRole('heading', { name: 'ホーム' })).toBeVisible()
})

test('six wrong passwords give the translated rate-limit message', async ({ page }) => {
  const email = `${uniqueSub('guess')}@demo.genba.test`
  await open(page, url('demo', '/login'))
  for (let i = 1; i <= 5; i++) {
    await page.locator('input[name="email"]').fill(email)
    await page.locator('input[name="password"]').fill(`wrong-password-${i}`)
    await page.getByRole('button', { name: 'ログイン' }).click()
    // The answer has come back once React has cleared the password field.
    await expect(page.locator('input[name="password"]')).toHaveValue('')
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('メールアドレスまたはパスワードが違います。')
  }
  await page.locator('input[name="password"]').fill('wrong-password-6')
  await page.getByRole('button', { name: 'ログイン' }).click()
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('試行回数が多すぎます。10分ほど待ってからもう一度お試しください。')
})

test('the handoff route answers a bad token by sending to sign in, and the dev outbox does not exist in production', async ({ page, request }) => {
  await open(page, url('demo', '/auth/handoff?token=not-a-token'))
  await expect(page).toHaveURL(url('demo', '/login?handoff=expired'))
  await expect(page.getByRole('status')).toHaveText('ログイン用のリンクの期限が切れました。もう一度ログインしてください。')
  const outbox = await request.get(url('', '/dev/outbox'))
  expect(outbox.status()).toBe(404)
})

test('my sessions: see this device and end another one', async ({ page, browser }) => {
  const sub = uniqueSub('tanmatsu')
  const email = `${sub}@example.jp`
  await registerCompany(page, { subdomain: sub, email, password: PASSWORD })
  const other = await browser.newContext({ locale: 'ja-JP', userAgent: 'Genba-E2E-Phone' })
  const phone = await other.newPage()
  await open(phone, url(sub, '/login'))
  await phone.locator('input[name="email"]').fill(email)
  await phone.locator('input[name="password"]').fill(PASSWORD)
  await phone.getByRole('button', { name: 'ログイン' }).click()
  await expect(phone).toHaveURL(url(sub, '/'))
  await open(page, url(sub, '/account/sessions'))
  const phoneRow = page.getByTestId('session-row').filter({ hasText: 'Genba-E2E-Phone' })
  await expect(page.getByTestId('session-row').filter({ hasText: 'この端末' })).toHaveCount(1)
  await phoneRow.getByRole('button', { name: 'ログアウトさせる' }).click()
  await expect(phoneRow).toHaveCount(0)
  await open(phone, url(sub, '/'))
  await expect(phone).toHaveURL(/\/login/)
  await other.close()
})

test('one login, two companies: the switcher signs in on the other company through a handoff', async ({ page }) => {
  const email = `${uniqueSub('futatsu')}@example.jp`
  const first = uniqueSub('ichi')
  const second = uniqueSub('ni')
  await registerCompany(page, { subdomain: first, email, password: PASSWORD, company: '一番建設' })
  // The same login founds a second company (its password proves it is theirs).
  await registerCompany(page, { subdomain: second, email, password: PASSWORD, company: '二番電気' })
  await page.waitForLoadState('networkidle') // the switcher submits on change once its script has loaded
  const switcher = page.getByLabel('会社を切り替える')
  await expect(switcher).toHaveValue(/.+/)
  await expect(switcher.locator('option')).toHaveText(['一番建設', '二番電気'])
  await switcher.selectOption({ label: '一番建設' })
  await expect(page).toHaveURL(url(first, '/'))
  await expect(page.getByLabel('会社を切り替える').locator('option:checked')).toHaveText('一番建設')
})

test('a company that requires two-step sign-in sends its owner to set it up first', async ({ page }) => {
  const sub = uniqueSub('hissu')
  await registerCompany(page, { subdomain: sub, email: `${sub}@example.jp`, password: PASSWORD })
  await open(page, url(sub, '/members'))
  await page.getByLabel('オーナーと管理者に2段階認証を必須にする').check()
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page).toHaveURL(url(sub, '/account/security'))
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('この会社では、オーナーと管理者に2段階認証が必須です。設定が終わるまで他の画面は使えません。')
  await open(page, url(sub, '/members'))
  await expect(page).toHaveURL(url(sub, '/account/security'))
})
