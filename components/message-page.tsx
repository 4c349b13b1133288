/** A full-page message (404s and the like): big, plain, readable on a phone outdoors. */
export function MessagePage({ code, title, body, action }: { code?: string; title: string; body: string; action?: React.ReactNode }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center gap-4 px-6 py-16">
      {code ? <p className="text-5xl font-black text-gray-300">{code}</p> : null}
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="text-lg leading-relaxed text-gray-700">{body}</p>
      {action}
    </main>
  )
}
