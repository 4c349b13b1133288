import { randomBytes } from 'node:crypto'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { generateSecret, generateURI, verify } from 'otplib'
import QRCode from 'qrcode'
import { recoveryCodes, userCredentials } from '../db/schema'
import { rows } from '../db/sql'
import type { Tx } from '../db/types'
import { verifyPassword } from './password'
import { tokenHash } from './tokens'

export const RECOVERY_CODE_COUNT = 10
/** One step either side of now (±30 s) for phone clocks that drift. */
const EPOCH_TOLERANCE = 30

const audit = (tx: Tx, organizationId: string, userId: string, action: string, details?: object) =>
  tx.execute(
    sql`select app.write_audit(${organizationId}::uuid, ${userId}::uuid, ${action}, 'users', ${userId}, null, ${details ? JSON.stringify(details) : null}::jsonb, null)`,
  )

export interface Enrolment {
  secret: string
  uri: string
  /** The otpauth URI as a QR code image (data: URL, made here; nothing leaves the server). */
  qr: string
}

/** Starts (or restarts) enrolment: a fresh secret kept pending until a code confirms it (privileged tx). */
export async function startEnrolment(tx: Tx, input: { userId: string; email: string; issuer: string }): Promise<Enrolment | null> {
  const secret = generateSecret()
  const pending = await tx
    .update(userCredentials)
    .set({ totpSecret: secret, totpLastStep: null })
    .where(and(eq(userCredentials.userId, input.userId), isNull(userCredentials.totpEnabledAt)))
    .returning({ userId: userCredentials.userId })
  if (!pending.length) return null
  const uri = generateURI({ issuer: input.issuer, label: input.email, secret })
  const qr = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 })
  return { secret, uri, qr }
}

/** A recovery code: 50 random bits as xxxxx-xxxxx (base32, no look-alikes needed: typed rarely). */
export function newRecoveryCode(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567'
  const bytes = randomBytes(10)
  const chars = Array.from(bytes, (b) => alphabet[b & 31]).join('')
  return `${chars.slice(0, 5)}-${chars.slice(5)}`
}

const recoveryHash = (code: string) => tokenHash(code.replace(/[\s-]/g, '').toLowerCase())

async function checkTotp(tx: Tx, userId: string, secret: string, lastStep: number | null, code: string): Promise<boolean> {
  const result = await verify({ secret, token: code, epochTolerance: EPOCH_TOLERANCE, afterTimeStep: lastStep ?? undefined }).catch(() => null)
  if (!result?.valid || !('timeStep' in result)) return false
  // A code works once: the step is recorded only if no later (or equal) one was.
  const [moved] = await rows<{ ok: boolean }>(
    tx,
    sql`update user_credentials set totp_last_step = ${result.timeStep} where user_id = ${userId}
        and (totp_last_step is null or totp_last_step < ${result.timeStep}) returning true as ok`,
  )
  return Boolean(moved)
}

/** Confirms enrolment with a code from the app; returns the recovery codes, shown once (privileged tx). */
export async function confirmEnrolment(tx: Tx, input: { organizationId: string; userId: string; code: string }): Promise<string[] | null> {
  const [cred] = await tx
    .select({ secret: userCredentials.totpSecret, enabledAt: userCredentials.totpEnabledAt, lastStep: userCredentials.totpLastStep })
    .from(userCredentials)
    .where(eq(userCredentials.userId, input.userId))
  if (!cred?.secret || cred.enabledAt) return null
  if (!(await checkTotp(tx, input.userId, cred.secret, cred.lastStep, input.code))) return null
  await tx.update(userCredentials).set({ totpEnabledAt: sql`now()` }).where(eq(userCredentials.userId, input.userId))
  const codes = await replaceRecoveryCodes(tx, input.userId)
  await audit(tx, input.organizationId, input.userId, 'auth.two_factor_enabled')
  return codes
}

async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId))
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode)
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: recoveryHash(code) })))
  return codes
}

/** The second step of a sign-in: a TOTP code not used before, or an unused recovery code (privileged tx). */
export async function verifySecondFactor(tx: Tx, input: { userId: string; code: string }): Promise<'totp' | 'recovery_code' | null> {
  const [cred] = await tx
    .select({ secret: userCredentials.totpSecret, enabledAt: userCredentials.totpEnabledAt, lastStep: userCredentials.totpLastStep })
    .from(userCredentials)
    .where(eq(userCredentials.userId, input.userId))
  if (!cred?.secret || !cred.enabledAt) return null
  if (/^\d{6}$/.test(input.code)) return (await checkTotp(tx, input.userId, cred.secret, cred.lastStep, input.code)) ? 'totp' : null
  const used = await tx
    .update(recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(and(eq(recoveryCodes.userId, input.userId), eq(recoveryCodes.codeHash, recoveryHash(input.code)), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id })
  return used.length ? 'recovery_code' : null
}

/** Turns two-factor off after the password is given again (privileged tx). */
export async function disableTwoFactor(tx: Tx, input: { organizationId: string; userId: string; password: string }): Promise<boolean> {
  const [cred] = await tx.select({ hash: userCredentials.passwordHash }).from(userCredentials).where(eq(userCredentials.userId, input.userId))
  if (!(await verifyPassword(cred?.hash, input.password))) return false
  await tx.update(userCredentials).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null }).where(eq(userCredentials.userId, input.userId))
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, input.userId))
  await audit(tx, input.organizationId, input.userId, 'auth.two_factor_disabled')
  return true
}

/** How many recovery codes are left, and whether two-factor is on (privileged tx). */
export async function twoFactorStatus(tx: Tx, userId: string): Promise<{ enabled: boolean; recoveryCodesLeft: number }> {
  const [row] = await rows<{ enabled: boolean; left: number }>(
    tx,
    sql`select coalesce((select totp_enabled_at is not null from user_credentials where user_id = ${userId}), false) as enabled,
        (select count(*)::int from recovery_codes where user_id = ${userId} and used_at is null) as left`,
  )
  return { enabled: Boolean(row?.enabled), recoveryCodesLeft: row?.left ?? 0 }
}
