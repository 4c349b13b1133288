import type { Instrumentation } from 'next'

export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') await import('./instrumentation-node')
}

// Every unhandled server error as one JSON log line, with the request id the proxy gave the request.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { logger } = await import('./lib/log')
  const headers = request.headers as Record<string, string | string[] | undefined>
  logger.error(
    {
      request_id: headers['x-request-id'],
      host: headers['host'],
      method: request.method,
      path: request.path,
      route: context.routePath,
      kind: context.routeType,
      err: error instanceof Error ? { message: error.message, stack: error.stack, digest: (error as { digest?: string }).digest } : String(error),
    },
    'request failed',
  )
}
