/**
 * The part of the message catalogue that client components read, sent with every page instead of the whole
 * catalogue (a third smaller, on phones too). Server components translate on the server and send text.
 * tests/unit/client-messages.test.ts reads every 'use client' file and fails when one uses a namespace
 * missing here.
 */
export const CLIENT_NAMESPACES = [
  // useErrorText / errorMessage: command error codes, field codes
  'errors',
  'fieldErrors',
  'validation',
  'common',
  'account',
  'auth',
  'categories',
  'closeOut',
  'csv',
  'customFields',
  'forgot',
  'join',
  'labels',
  'locations',
  'maintenance.settings',
  'members',
  'movementHistory',
  'notifications.settings',
  'queue',
  'register',
  'reset',
  'scan',
  'settings',
  'storage',
  'tools',
  'toolStatuses',
  'twoFactor',
] as const

type Messages = Record<string, unknown>

const picked = new WeakMap<Messages, Messages>()

/** The catalogue cut down to `namespaces` ('a' or 'a.b'); the same object each time for the same catalogue. */
export function clientMessages(all: Messages, namespaces: readonly string[] = CLIENT_NAMESPACES): Messages {
  const known = namespaces === CLIENT_NAMESPACES ? picked.get(all) : undefined
  if (known) return known
  const out: Messages = {}
  for (const ns of namespaces) {
    const path = ns.split('.')
    let from: unknown = all
    for (const key of path) from = from && typeof from === 'object' ? (from as Messages)[key] : undefined
    if (from === undefined) continue
    let into = out
    for (const key of path.slice(0, -1)) into = (into[key] ??= {}) as Messages
    into[path.at(-1)!] = from
  }
  if (namespaces === CLIENT_NAMESPACES) picked.set(all, out)
  return out
}
