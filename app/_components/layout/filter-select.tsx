/** One filter of a list page's GET form: a labelled choice whose first option, empty, means "all". */
export function FilterSelect({
  label,
  name,
  all,
  value,
  options,
}: {
  label: string;
  name: string;
  all: string;
  value: string | undefined;
  options: ReadonlyArray<{ value: string; label: string }>;
}) {
  return (
    <label>
      {label}{' '}
      <select name={name} defaultValue={value ?? ''}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
