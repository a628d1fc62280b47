import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { DateField } from '../lib/DateField.tsx';
import dayjs from 'dayjs';
import { ApiError } from '../lib/api.ts';
import { DATE } from '../lib/format.ts';
import { applyFieldErrors, flatResolver } from '../lib/formErrors.ts';
import { NativeSelect } from './NativeSelect.tsx';

export interface Field {
  name: string;
  label: string;
  type?: 'text' | 'textarea' | 'date' | 'select';
  required?: boolean;
  options?: { value: string; label: string }[];
  help?: string;
  initial?: string;
}

/** A small form in a modal: fields → values (dates as YYYY-MM-DD) → submit; server field errors land on their fields. */
export function FormModal({
  title,
  fields,
  onSubmit,
  onClose,
  okText = '确认',
}: {
  title: string;
  fields: Field[];
  onSubmit: (values: Record<string, string>) => Promise<void>;
  onClose: () => void;
  okText?: string;
}) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const initial = Object.fromEntries(
    fields
      .filter((f) => f.initial)
      .map((f) => [f.name, f.type === 'date' ? dayjs(f.initial) : f.initial]),
  );
  async function submit() {
    const raw = (await form.validateFields()) as Record<string, unknown>;
    const values: Record<string, string> = {};
    for (const f of fields) {
      const v = raw[f.name];
      if (v === undefined || v === null || v === '') continue;
      values[f.name] = dayjs.isDayjs(v) ? v.format(DATE) : String(v);
    }
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
    } catch (err) {
      const unplaced = applyFieldErrors(form, err, flatResolver(fields.map((f) => f.name)));
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
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" name={`form-${title}`} initialValues={initial}>
        {fields.map((f) => (
          <Form.Item
            key={f.name}
            label={f.label}
            name={f.name}
            extra={f.help}
            rules={f.required ? [{ required: true, message: `请填写${f.label}` }] : undefined}
          >
            {f.type === 'date' ? (
              <DateField />
            ) : f.type === 'textarea' ? (
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
            ) : f.type === 'select' ? (
              <NativeSelect options={f.options ?? []} />
            ) : (
              <Input />
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
