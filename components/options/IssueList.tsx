/** The problems of a refused file (metodbok pack, UKA profile), each with its place in the file; at most 50 shown. */
export function IssueList(props: { errors: ReadonlyArray<{ path: string; message: string }> }) {
  return (
    <ul>
      {props.errors.slice(0, 50).map((e, i) => (
        <li key={i}>
          <code>{e.path || '(hela filen)'}</code>: {e.message}
        </li>
      ))}
      {props.errors.length > 50 && <li>… och {props.errors.length - 50} fel till.</li>}
    </ul>
  );
}
