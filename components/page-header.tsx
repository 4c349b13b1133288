/** A page's title with its actions beside it on a laptop, below it on a phone. */
export function PageHeader({ title, lead, actions, back }: { title: React.ReactNode; lead?: React.ReactNode; actions?: React.ReactNode; back?: React.ReactNode }) {
  return (
    <div className="mb-6 flex flex-col gap-3">
      {back}
      <div className="flex flex-col gap-3 md:flex-row md:items-end md:justify-between">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold">{title}</h1>
          {lead ? <div className="mt-1 text-gray-700">{lead}</div> : null}
        </div>
        {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
      </div>
    </div>
  )
}
