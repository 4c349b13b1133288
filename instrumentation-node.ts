// Runs once when the Node server starts: a bad environment stops it here, naming the variable.
import { env, EnvError } from './lib/env'

try {
  env()
} catch (error) {
  if (!(error instanceof EnvError)) throw error
  console.error(`Genba cannot start. ${error.message}. See .env.example.`)
  process.exit(1)
}

// Traces leave the process only when an OTLP endpoint is configured.
if (env().OTEL_EXPORTER_OTLP_ENDPOINT) {
  const { registerOTel } = await import('@vercel/otel')
  registerOTel({ serviceName: env().OTEL_SERVICE_NAME })
}
