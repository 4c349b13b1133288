export interface HBar {
  key: string
  label: string
  value: number
  /** The text at the bar's end. */
  display: string
}

/** One horizontal bar per item, longest scale = max (or the largest value); labels wrap on phones. */
export function HorizontalBars({ items, title, max, color = '#d97706' }: { items: HBar[]; title: string; max?: number; color?: string }) {
  const top = max ?? Math.max(1, ...items.map((i) => i.value))
  return (
    <figure aria-label={title} className="flex flex-col gap-2" data-testid="hbars">
      {items.map((i) => (
        <div key={i.key} className="grid grid-cols-[minmax(6rem,12rem)_1fr] items-center gap-2 text-sm">
          <span className="truncate font-bold" title={i.label}>
            {i.label}
          </span>
          <span className="flex items-center gap-2">
            <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden className="h-4 flex-1">
              <rect x={0} y={0} width={100} height={10} fill="#f3f4f6" />
              <rect x={0} y={0} width={Math.max(0, Math.min(100, (i.value / top) * 100))} height={10} fill={color} />
            </svg>
            <span className="w-20 text-right tabular-nums">{i.display}</span>
          </span>
        </div>
      ))}
    </figure>
  )
}
