import { urlScheme } from '../env'

/** A session ends after a week without use, and a month after sign-in whatever happens. */
export const SESSION_IDLE_SECONDS = 7 * 24 * 60 * 60
export const SESSION_MAX_SECONDS = 30 * 24 * 60 * 60

/** Over HTTPS the cookie is __Host- (Secure, host-only, Path=/), so no other subdomain can set or read it. */
export function sessionCookie() {
  const secure = urlScheme() === 'https'
  return {
    name: secure ? '__Host-genba_session' : 'genba_session',
    options: { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' },
  }
}
