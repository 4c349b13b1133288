import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** 256 random bits, URL-safe: session cookies, invitation and reset links. */
export const newToken = () => randomBytes(32).toString('base64url')

/** What the database stores instead of a token. */
export const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest()

export const sameBytes = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b)
