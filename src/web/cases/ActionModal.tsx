import { useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, post } from '../lib/api.ts';
import { DateField } from '../lib/DateField.tsx';
import { DATE } from '../lib/format.ts';
import { applyFieldErrors } from '../lib/formErrors.ts';
import type { ActionField, CaseAction, CasePayload } from '../lib/types.ts';

interface Props {
  caseId: string;
  action: CaseAction;
  today: string;
  onClose: () => void;
  onDone: (payload: CasePayload) => void;
}

/** The control for one field; Form.Item injects id, value and onChange, which are passed on. */
function FieldInput({
  field,
  ...control
}: {
  field: ActionField;
  id?: string;
  value?: unknown;
  onChange?: (v: unknown) => void;
}) {
  const props = control as Record<string, unknown>;
  switch (field.type) {
    case 'date':
      return <DateField {...props} />;
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} {...props} />;
    case 'number':
      return <InputNumber style={{ width: '100%' }} {...props} />;
    case 'select':
      return <Select options={field.options ?? []} {...props} />;
    default:
      return <Input {...props} />;
  }
}

function toPayloadValue(value: unknown): unknown {
  return dayjs.isDayjs(value) ? value.format(DATE) : value;
}

/** The form of one case action, generated from the field list the server sent. Mount it keyed by action. */
export function ActionModal({ caseId, action, today, onClose, onDone }: Props) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const fieldNames = action.fields.map((f) => f.name);

  const resolvePath = (path: string): (string | number)[] | null => {
    const parts = path.replace(/^body\./, '').split('.');
    if (parts[0] === 'on' && parts.length === 1) return ['on'];
    if (parts[0] === 'data' && parts[1] && fieldNames.includes(parts[1])) return ['data', parts[1]];
    if (parts[0] && fieldNames.includes(parts[0])) return ['data', parts[0]];
    return null;
  };

  async function submit() {
    const values = (await form.validateFields()) as { on: Dayjs; data?: Record<string, unknown> };
    const data: Record<string, unknown> = {};
    for (const f of action.fields) {
      const v = toPayloadValue(values.data?.[f.name]);
      if (v !== undefined && v !== null && v !== '') data[f.name] = v;
    }
    setSubmitting(true);
    setError(null);
    try {
      const payload = await post<CasePayload>(`/api/cases/${encodeURIComponent(caseId)}/actions`, {
        action: action.action,
        on: toPayloadValue(values.on) as string, // DateField gives 'YYYY-MM-DD' (a Dayjs from older callers)
        data,
      });
      onDone(payload);
    } catch (err) {
      const unplaced = applyFieldErrors(form, err, resolvePath);
      if (err instanceof ApiError && err.fields.length > 0)
        setError(unplaced.length ? unplaced.join('；') : null);
      else setError(err instanceof Error ? err.message : '办理失败');
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open
      title={action.label}
      okText="确认办理"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={submitting}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        name={`action-${action.action}`}
        initialValues={{ on: today }}
      >
        <Form.Item
          label="办理日期"
          name="on"
          rules={[{ required: true, message: '请选择办理日期' }]}
          extra="期限按此日期起算"
        >
          <DateField />
        </Form.Item>
        {action.fields.map((f) => (
          <Form.Item
            key={f.name}
            label={f.label}
            name={['data', f.name]}
            rules={f.required ? [{ required: true, message: `请填写${f.label}` }] : undefined}
          >
            <FieldInput field={f} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
