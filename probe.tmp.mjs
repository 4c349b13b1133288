import { chromium, devices } from '@playwright/test'
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
const phone = process.env.PHONE === '1'
const p = await b.newPage({ locale: process.env.LOC ?? 'ja-JP', ...(phone ? devices['Pixel 7'] : { viewport: { width: 1280, height: 800 } }) })
await p.goto('http://demo.localhost:3200/login')
await p.fill('input[name=email]', (process.env.ROLE ?? 'admin') + '@demo.genba.test')
await p.fill('input[name=password]', 'genba-demo-2026')
await p.press('input[name=password]', 'Enter')
await p.waitForURL(/localhost:3200\/$/)
for (const path of process.argv.slice(2)) {
  let target = path
  if (path === 'TOOL') { await p.goto('http://demo.localhost:3200/tools?q=C-0001'); target = await p.locator('main table a, main ul a[href^="/tools/"]').first().getAttribute('href') }
  const r = await p.goto('http://demo.localhost:3200' + target)
  console.log(target, r.status())
  await p.screenshot({ path: `/tmp/tools-ui/${phone ? 'phone' : 'desk'}-${path.replace(/[^a-z0-9]/gi, '_')}.png`, fullPage: process.env.FULL === '1' })
}
await b.close()
