import en from '../../messages/en.json'
import ja from '../../messages/ja.json'
import type { Alerts } from '../alerts/queries'
import { alertLinks } from '../alerts/links'
import type { Locale } from '../i18n/locale'
import type { Mail } from '../mail/send'
import type { NotificationTopic } from './preferences'

const catalog = { ja, en } as const
type DigestKey = keyof (typeof ja)['digest']

function line(locale: Locale, key: DigestKey, values: Record<string, string | number> = {}): string {
  return catalog[locale].digest[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''))
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

interface Section {
  title: string
  lines: string[]
  more: number
  link: { label: string; url: string }
}

export interface DigestInput {
  locale: Locale
  to: string
  name: string
  company: string
  /** 'YYYY-MM-DD' */
  today: string
  topics: NotificationTopic[]
  alerts: Alerts
  settings: { longUnreturnedDays: number; dueSoonDays: number }
  /** Long-unreturned counts only the recipient's own tools. */
  ownToolsOnly: boolean
  /** Absolute URL of a path on the company's host. */
  url: (path: string) => string
}

/** The morning mail (毎朝の要注意メール): one section per chosen topic with something to report; null when none has. */
export function digestMail(d: DigestInput): Mail | null {
  const { locale, alerts, settings } = d
  const want = (t: NotificationTopic) => d.topics.includes(t)
  const sections: Section[] = []
  const seeAll = line(locale, 'seeAll')
  if (want('low_stock') && alerts.lowStock.count > 0) {
    sections.push({
      title: line(locale, 'lowStock', { count: alerts.lowStock.count }),
      lines: alerts.lowStock.items.map((i) =>
        line(locale, 'lowStockItem', { code: i.toolCode, name: i.name, quantity: i.quantity, unit: i.unit ?? '', threshold: i.threshold }),
      ),
      more: alerts.lowStock.count - alerts.lowStock.items.length,
      link: { label: seeAll, url: d.url(alertLinks.lowStock()) },
    })
  }
  if (want('long_unreturned') && alerts.longUnreturned.count > 0) {
    const days = settings.longUnreturnedDays
    sections.push({
      title: line(locale, d.ownToolsOnly ? 'longUnreturnedMine' : 'longUnreturned', { count: alerts.longUnreturned.count, days }),
      lines: alerts.longUnreturned.items.map((i) =>
        line(locale, 'unreturnedItem', { code: i.toolCode, name: i.name, site: i.locationName, holder: i.holderName ?? '—', days: i.days }),
      ),
      more: alerts.longUnreturned.count - alerts.longUnreturned.items.length,
      link: { label: seeAll, url: d.url(alertLinks.longUnreturned(days)) },
    })
  }
  if (want('due')) {
    for (const g of alerts.due) {
      if (g.overdue + g.soon === 0) continue
      sections.push({
        title: line(locale, 'dueGroup', { label: g.label, overdue: g.overdue, soon: g.soon, days: settings.dueSoonDays }),
        lines: g.items.map((i) => line(locale, 'dueItem', { code: i.toolCode, name: i.name, date: i.dueOn })),
        more: g.overdue + g.soon - g.items.length,
        link: { label: seeAll, url: d.url(alertLinks.due(g, g.overdue > 0 ? 'overdue' : 'soon', d.today, settings.dueSoonDays)) },
      })
    }
  }
  if (want('repairs') && alerts.repairs.reported + alerts.repairs.inRepair > 0) {
    sections.push({
      title: line(locale, 'repairs', { reported: alerts.repairs.reported, inRepair: alerts.repairs.inRepair }),
      lines: alerts.repairs.items.map((i) => line(locale, 'repairItem', { code: i.toolCode, name: i.toolName })),
      more: alerts.repairs.reported + alerts.repairs.inRepair - alerts.repairs.items.length,
      link: { label: seeAll, url: d.url(alertLinks.repairs()) },
    })
  }
  if (!sections.length) return null

  const subject = line(locale, 'subject', { company: d.company, date: d.today })
  const greeting = line(locale, 'greeting', { name: d.name, company: d.company })
  const home = { label: line(locale, 'openDashboard'), url: d.url('/') }
  const footer = line(locale, 'footer', { url: d.url('/notifications/settings') })
  const more = (n: number) => (n > 0 ? [line(locale, 'more', { count: n })] : [])
  const text = [
    greeting,
    '',
    ...sections.flatMap((s) => [`■ ${s.title}`, ...s.lines, ...more(s.more), `${s.link.label}: ${s.link.url}`, '']),
    `${home.label}: ${home.url}`,
    '',
    footer,
  ].join('\n')
  const html =
    `<p>${escapeHtml(greeting)}</p>` +
    sections
      .map(
        (s) =>
          `<h2 style="font-size:16px;margin:16px 0 4px">${escapeHtml(s.title)}</h2><ul style="margin:0;padding-left:20px">` +
          [...s.lines.map((l) => l.replace(/^・/, '')), ...more(s.more)].map((l) => `<li>${escapeHtml(l)}</li>`).join('') +
          `</ul><p><a href="${escapeHtml(s.link.url)}">${escapeHtml(s.link.label)}</a></p>`,
      )
      .join('') +
    `<p><a href="${escapeHtml(home.url)}" style="font-weight:bold">${escapeHtml(home.label)}</a></p><p style="color:#555">${escapeHtml(footer)}</p>`
  return { to: d.to, subject, text, html }
}

/** The mail that tells a holder a site was closed (or asks them to bring tools back) right away. */
export function siteMail(input: { locale: Locale; to: string; name: string; company: string; site: string; count: number; closed: boolean; url: string }): Mail {
  const key = input.closed ? 'siteClosed' : 'returnRequested'
  const subject = line(input.locale, key === 'siteClosed' ? 'siteClosedSubject' : 'returnRequestedSubject', { company: input.company, site: input.site })
  const body = line(input.locale, key === 'siteClosed' ? 'siteClosedBody' : 'returnRequestedBody', { name: input.name, site: input.site, count: input.count })
  const label = line(input.locale, 'seeYourTools')
  return {
    to: input.to,
    subject,
    text: [body, '', `${label}: ${input.url}`].join('\n'),
    html: `<p>${escapeHtml(body)}</p><p><a href="${escapeHtml(input.url)}" style="font-weight:bold">${escapeHtml(label)}</a></p>`,
  }
}
