import { useState, type CSSProperties, type ReactNode } from 'react';
import {
  Alert,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  type FormInstance,
  type UploadFile,
} from 'antd';
import dayjs from 'dayjs';
import type { FieldSpec } from '../../core/procedure/types.ts';
import { ApiError } from './api.ts';
import { DateField } from './DateField.tsx';
import { DATE } from './format.ts';
import { FileUpload, uploadedIds } from './FileUpload.tsx';
import { applyFieldErrors } from './formErrors.ts';
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
  /** Length bounds of a text. */
  minLength?: number;
  maxLength?: number;
  help?: string;
  initial?: string;
  /** The message when a required field is left empty (default: 请填写 + label). */
  requiredMessage?: string;
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
      return (
        <InputNumber style={{ width: '100%' }} min={field.min ?? 0} max={field.max} {...props} />
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
          placeholder={emptyOption ? undefined : null}
          options={options}
          onChange={props.onChange}
        />
      );
    default:
      return <Input minLength={field.minLength} maxLength={field.maxLength} {...props} />;
  }
}

/** The Form.Items of the fields: label, help, the required rule in Chinese, the control. */
export function FieldItems({ fields, select }: { fields: FormField[]; select?: SelectKind }) {
  return (
    <>
      {fields.map((f) => (
        <Form.Item
          key={f.name}
          label={f.label}
          name={f.name}
          extra={f.help}
          rules={
            f.required
              ? [{ required: true, message: f.requiredMessage ?? `请填写${f.label}` }]
              : undefined
          }
        >
          <FieldControl field={f} select={select} />
        </Form.Item>
      ))}
    </>
  );
}

/** A server error path ('body.data.reason', 'data.reason', 'reason.0') → the form field it names, if any. */
export function fieldPath(names: string[]) {
  return (path: string): string[] | null => {
    const parts = path.replace(/^body\./, '').split('.');
    if (parts[0] === 'data' && parts[1] && names.includes(parts[1])) return [parts[1]];
    return parts[0] && names.includes(parts[0]) ? [parts[0]] : null;
  };
}

/**
 * The one form of an act, in a modal: the declared fields (and, when given, items the screen renders
 * itself), evidence files when `files`; the filled values leave with dates as YYYY-MM-DD and empty
 * ones dropped; a 400's field-named errors land on their fields, anything else shows above the form.
 */
export function ActForm({
  title,
  fields = [],
  onSubmit,
  onClose,
  okText = '确认',
  files = false,
  select,
  initialValues,
  name,
  children,
}: {
  title: string;
  fields?: FormField[];
  onSubmit: (values: Record<string, unknown>, fileIds: string[]) => Promise<void>;
  onClose: () => void;
  okText?: string;
  /** Offer an upload of evidence files (to /api/files); their ids go to onSubmit. */
  files?: boolean;
  select?: SelectKind;
  initialValues?: Record<string, unknown>;
  /** The form's name (ids of its inputs); default from the title. */
  name?: string;
  /** Items of the screen's own, after the declared fields (given the form, e.g. to watch a value). */
  children?: (form: FormInstance) => ReactNode;
}) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [uploads, setUploads] = useState<UploadFile[]>([]);
  const initial = {
    ...Object.fromEntries(fields.filter((f) => f.initial).map((f) => [f.name, f.initial])),
    ...initialValues,
  };
  async function ok() {
    const raw = (await form.validateFields()) as Record<string, unknown>;
    const values = Object.fromEntries(
      Object.entries(raw)
        .filter(([, v]) => v !== undefined && v !== null && v !== '')
        .map(([k, v]) => [k, dayjs.isDayjs(v) ? v.format(DATE) : v]),
    );
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values, uploadedIds(uploads));
    } catch (err) {
      const unplaced = applyFieldErrors(form, err, fieldPath(Object.keys(raw)));
      if (err instanceof ApiError && err.fields.length > 0)
        setError(unplaced.length ? unplaced.join('；') : null);
      else setError(err instanceof Error ? err.message : '提交失败');
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={title}
      okText={okText}
      onOk={() => void ok().catch(() => undefined)}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" name={name ?? `act-${title}`} initialValues={initial}>
        <FieldItems fields={fields} select={select} />
        {children?.(form)}
        {files && (
          <Form.Item label="材料（可选）" extra="上传的文件作为本环节的证据材料归档，只增不改">
            <FileUpload files={uploads} onChange={setUploads} buttonLabel="上传材料" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
