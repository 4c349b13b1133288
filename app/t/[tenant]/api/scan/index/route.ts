// GET <company>/api/scan/index — tools, places and people the scan screen keeps for working offline.
import { withTenant } from '@/lib/db'
import { memberOrError } from '@/lib/http/member'
import { scanIndex } from '@/lib/scan/queries'

export async function GET() {
  const auth = await memberOrError('viewer')
  if ('response' in auth) return auth.response
  const index = await withTenant(auth.member.ctx, (tx) => scanIndex(tx, auth.member.session.userId))
  return Response.json({ ...index, at: new Date().toISOString() }, { headers: { 'Cache-Control': 'private, no-store' } })
}
