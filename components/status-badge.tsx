import { builtInStatuses } from '@/lib/tool-statuses/schemas'

/** A tool's status: a filled dot in its colour and the word (colour is never the only signal). */
export function StatusBadge({ label, color, status, large }: { label: string; color?: string | null; status?: string; large?: boolean }) {
  const dot = color ?? builtInStatuses.find((s) => s.key === status)?.color ?? '#4b5563'
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full border-2 bg-white font-bold whitespace-nowrap ${large ? 'px-3 py-1 text-base' : 'px-2 py-0.5 text-sm'}`}
      style={{ borderColor: dot }}
    >
      <span aria-hidden className={`inline-block shrink-0 rounded-full ${large ? 'size-3' : 'size-2.5'}`} style={{ backgroundColor: dot }} />
      {label}
    </span>
  )
}
