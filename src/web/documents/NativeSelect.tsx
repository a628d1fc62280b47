import type { ChangeEvent } from 'react';

export interface Option {
  value: string;
  label: string;
}

/**
 * A native <select> styled like the antd controls (antd's Select leaves an unnamed hidden listbox
 * that fails axe). Works inside Form.Item: it takes the item's id/value/onChange.
 */
export function NativeSelect({
  id,
  value,
  onChange,
  options,
  placeholder = '请选择',
  ariaLabel,
  width,
}: {
  id?: string;
  value?: string;
  onChange?: (e: ChangeEvent<HTMLSelectElement>) => void;
  options: Option[];
  /** The empty first choice's text; null: no empty choice. */
  placeholder?: string | null;
  ariaLabel?: string;
  width?: number | string;
}) {
  return (
    <select
      id={id}
      className="year-select"
      aria-label={ariaLabel}
      value={value ?? ''}
      onChange={onChange}
      style={{ width: width ?? '100%' }}
    >
      {placeholder !== null && <option value="">{placeholder}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
