/** A member state as pickers offer it: its name in the reader's language. */
export type State = { code: string; name: string };

/** The member states as <option>s of a state picker. */
export function StateOptions({ states }: { states: State[] }) {
  return states.map((s) => (
    <option key={s.code} value={s.code}>
      {s.name}
    </option>
  ));
}
