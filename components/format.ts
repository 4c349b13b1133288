import type { useFormatter } from 'next-intl'

/** next-intl's formatter: the same on the server (getFormatter) and in the browser (useFormatter). */
type Formatter = Pick<ReturnType<typeof useFormatter>, 'dateTime' | 'number'>

/** A calendar date ('2023-04-15' or a timestamp) as the locale writes it: 2023/04/15, 04/15/2023. */
export function formatDate(f: Formatter, value: string | Date | null | undefined): string | null {
  if (!value) return null
  const date = typeof value === 'string' && value.length === 10 ? new Date(`${value}T00:00:00+09:00`) : new Date(value)
  return f.dateTime(date, { year: 'numeric', month: '2-digit', day: '2-digit' })
}

export function formatDateTime(f: Formatter, value: string | Date | null | undefined): string | null {
  if (!value) return null
  return f.dateTime(new Date(value), { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
}

/** Integer yen with the locale's symbol and separators (￥28,000). */
export const formatYen = (f: Formatter, value: number | null | undefined) => (value === null || value === undefined ? null : f.number(value, { style: 'currency', currency: 'JPY' }))

export const formatNumber = (f: Formatter, value: number | null | undefined) => (value === null || value === undefined ? null : f.number(value))
