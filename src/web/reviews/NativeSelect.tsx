import type { CSSProperties } from 'react';

/**
 * A native <select> for antd forms and filters (antd's Select leaves an unnamed hidden listbox that
 * fails axe). Inside a Form.Item it receives id, value and onChange from the item.
 */
export function NativeSelect(props: {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  options: { value: string; label: string }[];
  placeholder?: string;
  style?: CSSProperties;
  'aria-label'?: string;
}) {
  return (
    <select
      id={props.id}
      aria-label={props['aria-label']}
      className="native-select"
      value={props.value ?? ''}
      onChange={(e) => props.onChange?.(e.target.value)}
      style={{
        minWidth: 160,
        height: 32,
        padding: '0 8px',
        border: '1px solid #d9d9d9',
        borderRadius: 6,
        background: '#fff',
        ...props.style,
      }}
    >
      <option value="">{props.placeholder ?? '请选择'}</option>
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
