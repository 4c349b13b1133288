import pino from 'pino'

// JSON lines on stdout; request_id and organization_id are bound per request with logger.child().
export const logger = pino({
  level: process.env.LOG_LEVEL || 'info',
  base: { service: process.env.OTEL_SERVICE_NAME || 'genba' },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  redact: { paths: ['password', '*.password', 'token', '*.token', 'headers.cookie'], censor: '[redacted]' },
})

export function requestLogger(fields: { requestId?: string | null; organizationId?: string | null }) {
  return logger.child({ request_id: fields.requestId ?? undefined, organization_id: fields.organizationId ?? undefined })
}
