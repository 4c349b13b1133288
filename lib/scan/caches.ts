/** The service worker's caches that hold a member's pages and data (app/sw.ts); static files are not here. */
export const MEMBER_CACHES = { pages: 'pages', scanIndex: 'scan-index' } as const

/** Forgets what a signed-in member left for offline use: on signing out, and on the sign-in page. */
export async function forgetMemberCaches(storage: Pick<CacheStorage, 'delete'>): Promise<void> {
  await Promise.all(Object.values(MEMBER_CACHES).map((name) => storage.delete(name)))
}
