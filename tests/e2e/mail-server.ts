import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { SMTPServer } from 'smtp-server'

/** Where the e2e SMTP server drops each message it receives, one .eml file per mail. */
export const mailDir = () => path.join(process.env.E2E_DATA_DIR!, 'mail')
export const SMTP_PORT = Number(process.env.E2E_PORT ?? 3100) + 25

/**
 * A real SMTP server on loopback for the app under test (SMTP_URL points here), so mail goes through
 * nodemailer and SMTP exactly as in production; tests read the files it writes.
 */
export async function startMailServer(): Promise<() => Promise<void>> {
  const dir = mailDir()
  mkdirSync(dir, { recursive: true })
  let n = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        writeFileSync(path.join(dir, `${Date.now()}-${n++}.eml`), Buffer.concat(chunks))
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(SMTP_PORT, '127.0.0.1', resolve))
  return () => new Promise<void>((resolve) => server.close(() => resolve()))
}
