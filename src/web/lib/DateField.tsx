import { useState, type CSSProperties } from 'react';
import { DatePicker } from 'antd';
import pickerZhCN from 'antd/es/date-picker/locale/zh_CN';
import dayjs, { type Dayjs } from 'dayjs';
import { DATE } from './format.ts';

// The panel's year/month buttons show “2025年”, “2月”; antd also labels them “选择年份”, a name that hides
// the visible text (axe label-content-name-mismatch). Without the label their name is what they show.
const LOCALE = {
  ...pickerZhCN,
  lang: { ...pickerZhCN.lang, yearSelect: '', monthSelect: '', decadeSelect: '' },
};

export interface DateFieldProps {
  id?: string;
  /** 'YYYY-MM-DD' (the API's dates); a Dayjs is accepted too. */
  value?: string | Dayjs | null;
  onChange?: (value: string | undefined) => void;
  defaultValue?: string;
  /** Also submit the value with a plain <form> (FormData) under this name: the input's own text, typed or picked. */
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
export function DateField({
  value,
  onChange,
  defaultValue,
  min,
  max,
  style,
  ...rest
}: DateFieldProps) {
  const [own, setOwn] = useState<string | undefined>(defaultValue);
  const controlled = value !== undefined;
  const current = controlled ? value : own;
  const day = current ? dayjs(current) : null;
  const valid = day && day.isValid() ? day : null;
  return (
    <DatePicker
      {...rest}
      format={DATE}
      locale={LOCALE}
      style={{ width: '100%', ...style }}
      value={valid}
      disabledDate={
        min || max
          ? (d) => (!!min && d.isBefore(min, 'day')) || (!!max && d.isAfter(max, 'day'))
          : undefined
      }
      onChange={(d) => {
        const next = d ? d.format(DATE) : undefined;
        if (!controlled) setOwn(next);
        onChange?.(next);
      }}
    />
  );
}
