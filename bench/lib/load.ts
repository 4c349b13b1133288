import http from 'node:http'

export interface LoadResult {
  label: string
  concurrency: number
  requests: number
  errors: number
  seconds: number
  rps: number
  p50: number
  p95: number
  p99: number
  note?: string
}

export interface RequestSpec {
  method?: string
  path: string
  host: string
  headers?: Record<string, string>
  body?: string
}

/** Milliseconds at a percentile of a sorted list. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, i)]!
}

/**
 * A closed-loop load: `concurrency` clients each send the next request as soon as the previous answer
 * arrives, for `seconds`. Time is to the first byte of the response (TTFB). Requests go to 127.0.0.1
 * with a Host header, because Node cannot resolve *.localhost.
 */
export async function runLoad(options: {
  label: string
  port: number
  concurrency: number
  seconds: number
  next: (client: number, i: number) => RequestSpec
  ok?: (status: number) => boolean
  /** Also judge the body (read in full after the first byte is timed). */
  okBody?: (status: number, body: string) => boolean
}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency })
  const latencies: number[] = []
  let errors = 0
  const deadline = Date.now() + options.seconds * 1000
  const isOk = options.ok ?? ((s: number) => s < 400)

  const one = (spec: RequestSpec) =>
    new Promise<void>((resolve) => {
      const started = process.hrtime.bigint()
      const req = http.request(
        { host: '127.0.0.1', port: options.port, method: spec.method ?? 'GET', path: spec.path, agent, headers: { host: spec.host, ...spec.headers } },
        (res) => {
          latencies.push(Number(process.hrtime.bigint() - started) / 1e6)
          if (!isOk(res.statusCode ?? 0)) errors++
          if (options.okBody) {
            const chunks: Buffer[] = []
            res.on('data', (c: Buffer) => chunks.push(c))
            res.on('end', () => {
              if (isOk(res.statusCode ?? 0) && !options.okBody!(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'))) errors++
              resolve()
            })
          } else {
            res.resume()
            res.on('end', resolve)
          }
        },
      )
      req.on('error', () => {
        errors++
        resolve()
      })
      if (spec.body) req.write(spec.body)
      req.end()
    })

  const t0 = Date.now()
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, client) => {
      for (let i = 0; Date.now() < deadline; i++) await one(options.next(client, i))
    }),
  )
  const seconds = (Date.now() - t0) / 1000
  agent.destroy()
  latencies.sort((a, b) => a - b)
  return {
    label: options.label,
    concurrency: options.concurrency,
    requests: latencies.length,
    errors,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  }
}

/** The same closed loop for work that is not an HTTP request (a database transaction run directly). */
export async function runWork(options: { label: string; concurrency: number; seconds: number; work: (client: number, i: number) => Promise<boolean> }): Promise<LoadResult> {
  const latencies: number[] = []
  let errors = 0
  const deadline = Date.now() + options.seconds * 1000
  const t0 = Date.now()
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, client) => {
      for (let i = 0; Date.now() < deadline; i++) {
        const started = process.hrtime.bigint()
        const ok = await options.work(client, i).catch(() => false)
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6)
        if (!ok) errors++
      }
    }),
  )
  const seconds = (Date.now() - t0) / 1000
  latencies.sort((a, b) => a - b)
  return {
    label: options.label,
    concurrency: options.concurrency,
    requests: latencies.length,
    errors,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  }
}

export function printTable(rows: LoadResult[]) {
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-')
  console.log('| scenario | clients | requests | errors | req/s | p50 ms | p95 ms | p99 ms | note |')
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|')
  for (const r of rows) {
    console.log(`| ${r.label} | ${r.concurrency} | ${r.requests} | ${r.errors} | ${f(r.rps)} | ${f(r.p50)} | ${f(r.p95)} | ${f(r.p99)} | ${r.note ?? ''} |`)
  }
}
