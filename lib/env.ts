import { z } from 'zod'

const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v)
const optionalUrl = (protocols: RegExp) =>
  z.preprocess(emptyAsUndefined, z.string().regex(protocols, { message: 'must be a URL starting with ' + protocols.source.replace(/[\\^()]/g, '') }).optional())

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  APP_DOMAIN: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[a-z0-9.-]+(:\d{1,5})?$/, { message: 'must be a host name with an optional port, such as genba.jp or localhost:3000' })
      .default('localhost:3000'),
  ),
  APP_URL_SCHEME: z.preprocess(emptyAsUndefined, z.enum(['http', 'https']).optional()),
  DATABASE_URL: optionalUrl(/^postgres(ql)?:\/\//),
  DATABASE_ADMIN_URL: optionalUrl(/^postgres(ql)?:\/\//),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('.data')),
  SEED_DEMO: z.preprocess(emptyAsUndefined, z.enum(['true', 'false']).default('true')),
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl(/^https?:\/\//),
  OTEL_SERVICE_NAME: z.preprocess(emptyAsUndefined, z.string().default('genba')),
  FILE_URL_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, { message: 'must be at least 32 characters' }).optional()),
  S3_BUCKET: z.preprocess(emptyAsUndefined, z.string().optional()),
  S3_ENDPOINT: optionalUrl(/^https?:\/\//),
  S3_REGION: z.preprocess(emptyAsUndefined, z.string().default('auto')),
  S3_ACCESS_KEY_ID: z.preprocess(emptyAsUndefined, z.string().optional()),
  S3_SECRET_ACCESS_KEY: z.preprocess(emptyAsUndefined, z.string().optional()),
  S3_FORCE_PATH_STYLE: z.preprocess(emptyAsUndefined, z.enum(['true', 'false']).default('true')),
  REDIS_URL: optionalUrl(/^rediss?:\/\//),
  SMTP_URL: optionalUrl(/^smtps?:\/\//),
  MAIL_FROM: z.preprocess(emptyAsUndefined, z.string().default('Genba <no-reply@genba.localhost>')),
  DASHBOARD_CACHE_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(3600).default(20)),
})

export type Env = z.infer<typeof schema>

export class EnvError extends Error {
  constructor(readonly issues: { variable: string; message: string }[]) {
    super('Invalid environment: ' + issues.map((i) => `${i.variable} ${i.message}`).join('; '))
    this.name = 'EnvError'
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source)
  if (parsed.success) return parsed.data
  throw new EnvError(parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? '?'), message: i.message })))
}

/** The parsed environment (cheap enough to parse on each call); throws EnvError naming each bad variable. */
export function env(): Env {
  return parseEnv(process.env)
}

/** http for local development domains, https everywhere else, unless APP_URL_SCHEME says otherwise. */
export function urlScheme(e: Env = env()): 'http' | 'https' {
  if (e.APP_URL_SCHEME) return e.APP_URL_SCHEME
  const host = e.APP_DOMAIN.split(':')[0] ?? ''
  return host === 'localhost' || host.endsWith('.localhost') || /^[\d.]+$/.test(host) ? 'http' : 'https'
}

const devFileUrlSecret = 'genba-development-only-file-url-secret-0123456789'

/** The key that signs file links. Outside production a fixed development key stands in; production must set one. */
export function fileUrlSecret(e: Env = env()): string {
  if (e.FILE_URL_SECRET) return e.FILE_URL_SECRET
  if (e.NODE_ENV === 'production') throw new EnvError([{ variable: 'FILE_URL_SECRET', message: 'must be set in production (32+ random characters)' }])
  return devFileUrlSecret
}
