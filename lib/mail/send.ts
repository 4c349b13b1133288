import nodemailer, { type Transporter } from 'nodemailer'
import { withSystem } from '../db'
import { mailOutbox } from '../db/schema'
import { env, type Env } from '../env'
import { logger } from '../log'

export interface Mail {
  to: string
  subject: string
  text: string
  html?: string
}

export type MailRoute = 'smtp' | 'outbox' | 'dropped'

/** SMTP when SMTP_URL is set; without it, the dev outbox in development, else nothing (logged). */
export function mailRoute(e: Pick<Env, 'SMTP_URL' | 'NODE_ENV'> = env()): MailRoute {
  if (e.SMTP_URL) return 'smtp'
  return e.NODE_ENV === 'development' ? 'outbox' : 'dropped'
}

const state = globalThis as unknown as { __genbaMail?: { url: string; transport: Transporter } }

function transport(url: string): Transporter {
  if (state.__genbaMail?.url !== url) state.__genbaMail = { url, transport: nodemailer.createTransport(url) }
  return state.__genbaMail.transport
}

/** Sends one mail; never throws (a mail that fails is logged, the request that caused it still succeeds). */
export async function sendMail(mail: Mail, e: Env = env()): Promise<MailRoute> {
  const route = mailRoute(e)
  try {
    if (route === 'smtp') await transport(e.SMTP_URL!).sendMail({ from: e.MAIL_FROM, ...mail })
    else if (route === 'outbox') await withSystem('dev outbox', (tx) => tx.insert(mailOutbox).values({ toAddress: mail.to, subject: mail.subject, text: mail.text, html: mail.html }))
    else logger.warn({ subject: mail.subject }, 'mail not sent: SMTP_URL is not set')
    return route
  } catch (error) {
    logger.error({ err: error, subject: mail.subject }, 'mail not sent')
    return 'dropped'
  }
}
