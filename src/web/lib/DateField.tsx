import { useState, type CSSProperties } from 'react';
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DATE } from './format.ts';

export interface DateFieldProps {
  id?: string;
  /** 'YYYY-MM-DD' (the API's dates); a Dayjs is accepted too. */
  value?: string | Dayjs | null;
  onChange?: (value: string | undefined) => void;
  defaultValue?: string;
  /** Also submit the value with a plain <form> (FormData) under this name. */
  name?: string;
  /** Earliest / latest selectable day, 'YYYY-MM-DD'. */
  min?: string;
  max?: string;
  disabled?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  'aria-label'?: string;
  'aria-required'?: boolean;
}

/**
 * The one date picker of the workbench (issue 13 item 16: there were two, antd's and the browser's):
 * antd's DatePicker in zh-CN showing and returning 'YYYY-MM-DD' strings, so a form's values are the
 * API's dates as they are. Works inside Form.Item (value/onChange) and in a plain form (`name`).
 */
export function DateField({ value, onChange, defaultValue, name, min, max, style, ...rest }: DateFieldProps) {
  const [own, setOwn] = useState<string | undefined>(defaultValue);
  const controlled = value !== undefined;
  const current = controlled ? value : own;
  const day = current ? dayjs(current) : null;
  const valid = day && day.isValid() ? day : null;
  return (
    <>
      <DatePicker
        {...rest}
        format={DATE}
        style={{ width: '100%', ...style }}
        value={valid}
        disabledDate={min || max ? (d) => (!!min && d.isBefore(min, 'day')) || (!!max && d.isAfter(max, 'day')) : undefined}
        onChange={(d) => {
          const next = d ? d.format(DATE) : undefined;
          if (!controlled) setOwn(next);
          onChange?.(next);
        }}
      />
      {name && <input type="hidden" name={name} value={valid ? valid.format(DATE) : ''} />}
    </>
  );
}
