/*
 * Charts drawn on the server as SVG: no chart library and no script on the phone, and they print.
 */

export interface Series {
  key: string
  label: string
  color: string
  values: number[]
}

const W = 640
const H = 240
const PAD = { top: 12, right: 8, bottom: 28, left: 40 }

/** A nice round top for the axis: 1, 2 or 5 × 10^n at or above max. */
export function niceMax(max: number): number {
  if (max <= 0) return 1
  const p = 10 ** Math.floor(Math.log10(max))
  return [1, 2, 5, 10].map((m) => m * p).find((v) => v >= max)!
}

/** Vertical bars per label (months), each stacked by series; a legend below. */
export function StackedBars({ labels, series, title, format = String }: { labels: string[]; series: Series[]; title: string; format?: (v: number) => string }) {
  const totals = labels.map((_, i) => series.reduce((a, s) => a + (s.values[i] ?? 0), 0))
  const top = niceMax(Math.max(0, ...totals))
  const plotW = W - PAD.left - PAD.right
  const plotH = H - PAD.top - PAD.bottom
  const step = plotW / Math.max(labels.length, 1)
  const barW = Math.max(4, step * 0.7)
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH
  return (
    <figure className="flex flex-col gap-2">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} className="h-auto w-full" data-testid="chart">
        <title>{title}</title>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(top * f)} y2={y(top * f)} stroke="#d1d5db" strokeWidth={1} />
            <text x={PAD.left - 6} y={y(top * f) + 4} textAnchor="end" fontSize={11} fill="#374151">
              {format(top * f)}
            </text>
          </g>
        ))}
        {labels.map((label, i) => {
          let base = 0
          const x = PAD.left + i * step + (step - barW) / 2
          return (
            <g key={label}>
              {series.map((s) => {
                const v = s.values[i] ?? 0
                if (v <= 0) return null
                const rect = <rect key={s.key} x={x} y={y(base + v)} width={barW} height={y(base) - y(base + v)} fill={s.color} />
                base += v
                return rect
              })}
              <text x={x + barW / 2} y={H - 10} textAnchor="middle" fontSize={11} fill="#374151">
                {label}
              </text>
            </g>
          )
        })}
      </svg>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {series.map((s) => (
          <span key={s.key} className="inline-flex items-center gap-1">
            <span aria-hidden className="inline-block size-3 rounded-sm" style={{ background: s.color }} />
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  )
}
