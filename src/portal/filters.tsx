// Building blocks of the portal's search forms (GET, no scripts): a labelled select whose first
// option is 全部, year options, and the submit button. Every module's list page uses them.

export interface Option {
  value: string;
  label: string;
}

export function FilterSelect({
  id,
  name,
  label,
  value,
  options,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  options: Option[];
}) {
  return (
    <div className="form-group">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value}>
        <option value="">全部</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export const yearOptions = (years: number[]): Option[] =>
  years.map((y) => ({ value: String(y), label: `${y}年` }));

export function SearchSubmit() {
  return (
    <div className="form-group">
      <button type="submit" className="button">
        检索
      </button>
    </div>
  );
}
