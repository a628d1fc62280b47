import type { CSSProperties } from 'react';
import { DatePicker, Input, InputNumber, Select } from 'antd';
import type { FieldSpec } from '../../core/procedure/types.ts';
import { DateField } from './DateField.tsx';
import { NativeSelect } from '../documents/NativeSelect.tsx';

/**
 * One field of a form, as the server declares an act's fields (the procedure's FieldSpec: type, label,
 * required, limits, options) or as a screen declares a form of its own. 'textarea' is the web's older
 * name of 'longText'.
 */
export interface FormField {
  name: string;
  label: string;
  type?: FieldSpec['type'] | 'textarea';
  required?: boolean;
  options?: ReadonlyArray<{ value: string; label: string }>;
  /** Bounds of a number. */
  min?: number;
  max?: number;
  /** A number: whole only; its unit drawn after it; shown in a larger unit than the body's (MB of 字节). */
  integer?: boolean;
  unit?: string;
  scale?: { factor: number; unit: string; decimals: number };
  /** A text's required form (a regular expression's source) and what is said when it has not. */
  pattern?: { source: string; message: string };
  /** Length bounds of a text. */
  minLength?: number;
  maxLength?: number;
  help?: string;
  initial?: string;
  /** The message when a required field is left empty (default: 请填写 + label, 请选择 a choice or date, 请输入 a password). */
  requiredMessage?: string;
  /** An example shown in the empty control (a select's empty choice, default 请选择). */
  placeholder?: string;
  /** A password: what the browser may fill in. */
  autocomplete?: 'current-password' | 'new-password';
  /** A repeat of the named field, checked to agree with it, not posted. */
  confirms?: string;
  /** A date range: its two ends, as the body takes them. */
  ends?: ReadonlyArray<FormField>;
  /** A list: each row's fields, the bounds on rows (or tags), a row's name 第{n}项, its remove button. */
  rows?: ReadonlyArray<FormField>;
  minItems?: number;
  maxItems?: number;
  rowLabel?: string;
  removeLabel?: string;
}

/** '是'/'否' choices: a boolean field's values as a form sends them ('true'/'false'; the server coerces). */
export const YES_NO = [
  { value: 'true', label: '是' },
  { value: 'false', label: '否' },
];
export const bool = (v: unknown) => v === true || v === 'true';

/** How a select is drawn: the native <select> (default), or antd's Select (the case actions). */
export type SelectKind = 'native' | 'antd';

const valueOf = (x: unknown) =>
  x && typeof x === 'object' && 'target' in x
    ? (x as { target: { value: unknown } }).target.value
    : x;

/**
 * The control of one field — the only place the web turns a field type into an input. Inside a
 * Form.Item it takes the item's id/value/onChange; alone, give it value/onChange (values, not events).
 */
export function FieldControl({
  field,
  select = 'native',
  emptyOption = true,
  onChange,
  ...control
}: {
  field: FormField;
  select?: SelectKind;
  /** A native select starts with an empty '请选择' choice (not when a value is always chosen). */
  emptyOption?: boolean;
  id?: string;
  value?: unknown;
  onChange?: (v: unknown) => void;
  'aria-label'?: string;
  style?: CSSProperties;
  /** The browser's own check, for a control outside an antd Form. */
  required?: boolean;
}) {
  const props = {
    ...control,
    onChange: (x: unknown) => onChange?.(valueOf(x)),
  } as unknown as Record<string, never>;
  const options = field.type === 'boolean' ? YES_NO : [...(field.options ?? [])];
  switch (field.type) {
    case 'date':
      return <DateField {...props} />;
    case 'dateRange':
      return <DatePicker.RangePicker {...props} />;
    case 'password':
      return (
        <Input.Password autoComplete={field.autocomplete} maxLength={field.maxLength} {...props} />
      );
    case 'tags':
      return (
        <Select
          mode="tags"
          tokenSeparators={[',', '，', ' ']}
          maxCount={field.maxItems}
          open={false}
          suffixIcon={null}
          placeholder={field.placeholder ?? '输入后按回车'}
          {...props}
        />
      );
    case 'longText':
    case 'textarea':
      return (
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 10 }}
          minLength={field.minLength}
          maxLength={field.maxLength}
          {...props}
        />
      );
    case 'number':
      if (field.scale)
        return <ScaledNumber field={field} scale={field.scale} {...control} onChange={onChange} />;
      return (
        <InputNumber
          style={{ width: '100%' }}
          min={field.min ?? 0}
          max={field.max}
          precision={field.integer ? 0 : undefined}
          suffix={field.unit}
          {...props}
        />
      );
    case 'select':
    case 'boolean':
      if (select === 'antd') return <Select options={options} {...props} />;
      return (
        <NativeSelect
          id={control.id}
          value={control.value as string | undefined}
          ariaLabel={control['aria-label']}
          width={control.style?.width}
          placeholder={emptyOption ? field.placeholder : null}
          options={options}
          onChange={props.onChange}
        />
      );
    default:
      return (
        <Input
          minLength={field.minLength}
          maxLength={field.maxLength}
          placeholder={field.placeholder}
          {...props}
        />
      );
  }
}

/**
 * A number the body counts in a smaller unit than the form shows (字节 shown as MB): the value stays
 * the body's, the control shows it divided by the factor, its bounds rounded inwards to the decimals.
 */
function ScaledNumber({
  field,
  scale,
  value,
  onChange,
  ...control
}: {
  field: FormField;
  scale: { factor: number; decimals: number };
  id?: string;
  value?: unknown;
  onChange?: (v: unknown) => void;
  style?: CSSProperties;
  'aria-label'?: string;
}) {
  const step = 10 ** scale.decimals;
  const shown = (n: number, round: (x: number) => number) =>
    round((n / scale.factor) * step) / step;
  return (
    <InputNumber
      style={{ width: '100%' }}
      {...control}
      min={field.min === undefined ? 0 : shown(field.min, Math.ceil)}
      max={field.max === undefined ? undefined : shown(field.max, Math.floor)}
      precision={scale.decimals}
      suffix={field.unit}
      value={typeof value === 'number' ? shown(value, Math.round) : null}
      onChange={(v) => onChange?.(typeof v === 'number' ? Math.round(v * scale.factor) : v)}
    />
  );
}
