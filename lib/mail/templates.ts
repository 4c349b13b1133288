import en from '../../messages/en.json'
import ja from '../../messages/ja.json'
import type { Locale } from '../i18n/locale'
import type { Role } from '../auth/roles'
import type { Mail } from './send'

const catalog = { ja, en } as const
type MailKey = keyof (typeof ja)['mail']

/** A line of the `mail` namespace with {placeholders} filled (mail text has no plurals). */
function line(locale: Locale, key: MailKey, values: Record<string, string> = {}): string {
  return catalog[locale].mail[key].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '')
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function compose(to: string, subject: string, paragraphs: string[], link: { label: string; url: string }): Mail {
  const text = [...paragraphs, '', `${link.label}: ${link.url}`].join('\n')
  const html =
    paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('') +
    `<p><a href="${escapeHtml(link.url)}" style="font-weight:bold">${escapeHtml(link.label)}</a></p><p style="color:#555">${escapeHtml(link.url)}</p>`
  return { to, subject, text, html }
}

export function invitationMail(input: { locale: Locale; to: string; company: string; inviter: string; role: Role; url: string }): Mail {
  const { locale } = input
  const role = catalog[locale].roles[input.role]
  return compose(
    input.to,
    line(locale, 'invitationSubject', { company: input.company }),
    [line(locale, 'invitationBody', { inviter: input.inviter, company: input.company, role }), line(locale, 'invitationExpiry')],
    { label: line(locale, 'invitationAction'), url: input.url },
  )
}

export function passwordResetMail(input: { locale: Locale; to: string; company: string; url: string }): Mail {
  const { locale } = input
  return compose(
    input.to,
    line(locale, 'resetSubject', { company: input.company }),
    [line(locale, 'resetBody', { company: input.company }), line(locale, 'resetExpiry'), line(locale, 'resetIgnore')],
    { label: line(locale, 'resetAction'), url: input.url },
  )
}
