import type { CSSProperties, ReactNode } from 'react';
import { Button, Form, Space, Typography, type FormRule } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { DATE } from './format.ts';
import { FieldControl, type FormField, type SelectKind } from './FieldControl.tsx';

/** What a page adds to a declared field's item: rules of its own, props of the control. */
export interface ItemExtra {
  rules?: FormRule[];
  props?: Record<string, unknown>;
  /** A control of the page's own in place of the declared one (e.g. the org tree for a `ref` select). */
  control?: ReactNode;
}

// What is chosen rather than typed: its empty message says 请选择.
const CHOSEN: ReadonlyArray<FormField['type']> = ['select', 'boolean', 'date', 'dateRange'];

/** The rules of a declared field: required (in its words), and a repeat agreeing with its field. */
function fieldRules(f: FormField, fields: readonly FormField[]): FormRule[] {
  const of = f.confirms ? fields.find((x) => x.name === f.confirms) : undefined;
  const empty =
    f.requiredMessage ??
    (of
      ? `请再次输入${of.label}`
      : f.type === 'password'
        ? `请输入${f.label}`
        : f.type && CHOSEN.includes(f.type)
          ? `请选择${f.label}`
          : `请填写${f.label}`);
  // Blank text is empty (the server trims it); a password is taken as typed.
  const whitespace = !f.type || f.type === 'text' || f.type === 'textarea' || f.type === 'longText';
  // (Only a text's rule names `whitespace`: a rule with it is checked as a string.)
  const rules: FormRule[] = f.required
    ? [
        whitespace
          ? { required: true, whitespace, message: empty }
          : { required: true, message: empty },
      ]
    : [];
  if (f.pattern) rules.push({ pattern: new RegExp(f.pattern.source), message: f.pattern.message });
  // A text's least length, counted trimmed as the server does (an empty one is the required rule's).
  const least = whitespace ? (f.minLength ?? 0) : 0;
  if (least > 1)
    rules.push({
      validator: (_, value: unknown) =>
        typeof value !== 'string' || !value.trim() || value.trim().length >= least
          ? Promise.resolve()
          : Promise.reject(new Error(`请填写${f.label}（至少${least}个字）`)),
    });
  if (of)
    rules.push(({ getFieldValue }) => ({
      validator: (_, value: unknown) =>
        !value || value === getFieldValue(of.name)
          ? Promise.resolve()
          : Promise.reject(new Error(`两次输入的${of.label}不一致`)),
    }));
  return rules;
}

/** One declared field's Form.Item: label, help, its rules, the control. */
export function FieldItem({
  field: f,
  fields = [f],
  select,
  name = f.name,
  label = f.label,
  extra = {},
  style,
}: {
  field: FormField;
  /** The form's fields (a repeat finds the field it repeats). */
  fields?: readonly FormField[];
  select?: SelectKind;
  name?: string | Array<string | number>;
  label?: string;
  extra?: ItemExtra;
  style?: CSSProperties;
}) {
  return (
    <Form.Item
      label={label}
      name={name}
      extra={f.help}
      dependencies={f.confirms ? [f.confirms] : undefined}
      rules={[...fieldRules(f, fields), ...(extra.rules ?? [])]}
    >
      {extra.control ?? <FieldControl field={f} select={select} style={style} {...extra.props} />}
    </Form.Item>
  );
}

const numbered = (template: string, i: number) => template.replace('{n}', String(i + 1));

/** A list's rows, each its fields in a line with a remove button, and a button adding a row. */
function FieldRows({ field, select }: { field: FormField; select?: SelectKind }) {
  const rowFields = field.rows ?? [];
  const rowLabel = field.rowLabel ?? '第{n}项';
  return (
    <>
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {field.label}
      </Typography.Title>
      <Form.List name={field.name}>
        {(rows, { add, remove }) => (
          <>
            {rows.map((r, i) => (
              <Space key={r.key} align="start" wrap>
                {rowFields.map((f, j) => (
                  <FieldItem
                    key={f.name}
                    field={f}
                    fields={rowFields}
                    select={select}
                    name={[r.name, f.name]}
                    label={j === 0 ? `${numbered(rowLabel, i)} ${f.label}` : f.label}
                    style={f.type === 'text' ? { width: 200 } : undefined}
                  />
                ))}
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(r.name)}
                  aria-label={numbered(field.removeLabel ?? `删除${rowLabel}${field.label}`, i)}
                  style={{ marginTop: 30 }}
                />
              </Space>
            ))}
            <Form.Item>
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                disabled={field.maxItems !== undefined && rows.length >= field.maxItems}
                onClick={() => add({})}
              >
                添加{field.label}
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
    </>
  );
}

/** The Form.Items of the fields: label, help, the required rule in Chinese, the control; a list's rows. */
export function FieldItems({
  fields,
  select,
  extras = {},
}: {
  fields: readonly FormField[];
  select?: SelectKind;
  /** The page's additions to a field's item, by name. */
  extras?: Record<string, ItemExtra>;
}) {
  return (
    <>
      {fields.map((f) =>
        f.type === 'list' ? (
          <FieldRows key={f.name} field={f} select={select} />
        ) : (
          <FieldItem
            key={f.name}
            field={f}
            fields={fields}
            select={select}
            extra={extras[f.name]}
          />
        ),
      )}
    </>
  );
}

const dateOf = (v: unknown) => (dayjs.isDayjs(v) ? v.format(DATE) : v);
const isEmptyValue = (v: unknown) => v === undefined || v === null || v === '';

/**
 * A form's values as its route takes them: dates as YYYY-MM-DD, a range as its two ends, a list's
 * rows each so, a repeat and empty values left out.
 */
export function formValues(
  fields: readonly FormField[],
  raw: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    const f = fields.find((x) => x.name === k);
    if (isEmptyValue(v) || f?.confirms) continue;
    if (f?.type === 'dateRange' && Array.isArray(v) && f.ends) {
      f.ends.forEach((e, i) => (out[e.name] = dateOf(v[i])));
    } else if (f?.type === 'list' && Array.isArray(v)) {
      out[k] = v.map((row) => formValues(f.rows ?? [], (row ?? {}) as Record<string, unknown>));
    } else out[k] = dateOf(v);
  }
  return out;
}

/** The field of `fields` a posted name is: itself, or the range it is an end of. */
const postedAs = (fields: readonly FormField[], name: string) =>
  fields.find((f) => f.name === name && !f.ends) ??
  fields.find((f) => f.ends?.some((e) => e.name === name));

/**
 * A server error path → the form item it names, if any: 'reason', 'data.reason', 'body.reason.0' →
 * ['reason']; a row's field 'holidays.1.from' → ['holidays', 1, 'range'] (a range shows its ends'
 * problems).
 */
export function fieldErrorPath(fields: readonly FormField[]) {
  return (path: string): Array<string | number> | null => {
    const parts = path.replace(/^body\./, '').split('.');
    if (parts[0] === 'data' && parts[1] && fields.some((f) => f.name === parts[1])) parts.shift();
    const f = postedAs(fields, parts[0] ?? '');
    if (!f) return null;
    if (f.type !== 'list' || !/^\d+$/.test(parts[1] ?? '')) return [f.name];
    const cell = postedAs(f.rows ?? [], parts[2] ?? '');
    return cell ? [f.name, Number(parts[1]), cell.name] : [f.name];
  };
}
