/** The one error shape of every route handler: `{ code, message, details? }` with an HTTP status. */
export interface ApiErrorBody {
  code: string
  message: string
  details?: unknown
}

export function apiError(status: number, code: string, message: string, details?: unknown, headers?: HeadersInit): Response {
  const body: ApiErrorBody = details === undefined ? { code, message } : { code, message, details }
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...Object.fromEntries(new Headers(headers)) } })
}
