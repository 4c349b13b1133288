/** Asks for a tool by its code (A-0123) when a maintenance form is opened without one (a GET form: no script needed). */
export function ToolPicker(props: { action: string; label: string; hint: string; submit: string; notFound: string | null; hidden?: Record<string, string> }) {
  return (
    <form action={props.action} method="get" className="card flex flex-col gap-3">
      {Object.entries(props.hidden ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <label htmlFor="code" className="font-bold">
        {props.label}
      </label>
      <input id="code" name="code" className="field font-mono text-2xl uppercase" autoComplete="off" autoCapitalize="characters" inputMode="text" placeholder="A-0123" required />
      <span className="text-sm text-gray-700">{props.hint}</span>
      {props.notFound ? (
        <p role="alert" className="font-bold text-red-800">
          {props.notFound}
        </p>
      ) : null}
      <button type="submit" className="btn btn-primary">
        {props.submit}
      </button>
    </form>
  )
}
