// The dashboard (company home, server-rendered for a signed-in member) under load: 1 and 10 closed-loop clients,
// time to first byte. bench/run.ts calls it with the large demo company (target: p95 < 150 ms on 2 cores with
// ≥ 200,000 movements).
import { runLoad, type LoadResult } from '../lib/load'

export async function dashboardScenario(options: { port: number; host: string; cookie: string; seconds: number }): Promise<LoadResult[]> {
  const request = () => ({ path: '/', host: options.host, headers: { cookie: options.cookie } })
  // Only a 200 counts: a redirect to the sign-in page would be fast and wrong.
  const ok = (status: number) => status === 200
  await runLoad({ label: 'warm-up', port: options.port, concurrency: 2, seconds: 2, next: request, ok })
  const results: LoadResult[] = []
  for (const concurrency of [1, 10]) {
    results.push(await runLoad({ label: 'dashboard (home), signed in, SSR', port: options.port, concurrency, seconds: options.seconds, next: request, ok }))
  }
  return results
}
