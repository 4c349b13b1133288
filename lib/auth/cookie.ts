import 'server-only'
import { cookies } from 'next/headers'
import { sessionCookie } from './config'

/** Puts a new session in the browser: host-only, HttpOnly, SameSite=Lax (__Host- over HTTPS). */
export async function setSessionCookie(session: { token: string; expiresAt: Date }) {
  const cookie = sessionCookie()
  ;(await cookies()).set(cookie.name, session.token, { ...cookie.options, expires: session.expiresAt })
}

/** The pending two-factor challenge: a right password waiting for its code, never a session. */
export const CHALLENGE_COOKIE = 'genba_2fa'

export async function setChallengeCookie(token: string) {
  const { options } = sessionCookie()
  ;(await cookies()).set(CHALLENGE_COOKIE, token, { ...options, maxAge: 600 })
}
