'use server'

import { refresh } from 'next/cache'
import { getTranslations } from 'next-intl/server'
import { requireMember } from '@/lib/auth/member'
import { withTenant } from '@/lib/db'
import { failWith } from '@/lib/http/action-results'
import { saveLabelSettings } from '@/lib/labels/commands'
import { fail, ok, type Result } from '@/lib/result'

/** Saves the printer calibration and stock as the company's defaults for label printing. */
export async function saveCalibration(input: { offsetX: string; offsetY: string; layout: string }): Promise<Result<{ message: string }>> {
  const member = await requireMember({ atLeast: 'leader' })
  const saved = await withTenant(member.ctx, (tx) => saveLabelSettings(tx, input))
  const t = await getTranslations('labels')
  if (saved.ok) {
    refresh()
    return ok({ message: t('calibrationSaved') })
  }
  if (saved.error.code === 'FORBIDDEN') return failWith('FORBIDDEN')
  const te = await getTranslations('errors')
  return fail(saved.error.code, te('VALIDATION'), saved.error.fields)
}
