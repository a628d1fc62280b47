import { Form, Input, InputNumber } from 'antd';
import { ActModal } from '../reviews/ActModal.tsx';
import { DateField } from '../lib/DateField.tsx';
import { NativeSelect } from '../documents/NativeSelect.tsx';
import type { FieldSpec } from './types.ts';

const YES_NO = [
  { value: 'true', label: '是' },
  { value: 'false', label: '否' },
];
const ANSWERS = new Set(['answer', 'defend']);

/** "名称 2025-01-10" per line → the evidence list of an answer. */
export function parseEvidence(text: string): { title: string; gatheredOn: string }[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const m = /^(.*?)[\s，,]+(\d{4}-\d{2}-\d{2})$/.exec(l);
      return m ? { title: m[1].trim(), gatheredOn: m[2] } : { title: l, gatheredOn: '' };
    });
}

/** One act on the case: its date, the engine's fields, and for an answer the evidence list (复议法 Art 46). */
export function ActDialog({
  label,
  action,
  fields,
  today,
  onClose,
  onSubmit,
}: {
  label: string;
  action: string;
  fields: FieldSpec[];
  today: string;
  onClose: () => void;
  onSubmit: (body: Record<string, unknown>) => Promise<void>;
}) {
  return (
    <ActModal
      title={label}
      initialValues={{ on: today }}
      onClose={onClose}
      onSubmit={(v) => {
        const { on, evidence, ...data } = v;
        const body: Record<string, unknown> = { action, on, data };
        if (ANSWERS.has(action)) body.evidence = parseEvidence(String(evidence ?? ''));
        return onSubmit(body);
      }}
    >
      {() => (
        <>
          <Form.Item
            label="办理日期"
            name="on"
            rules={[{ required: true, message: '请填写办理日期' }]}
          >
            <DateField />
          </Form.Item>
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
              ) : f.type === 'longText' ? (
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} />
              ) : f.type === 'select' ? (
                <NativeSelect options={f.options ?? []} />
              ) : f.type === 'boolean' ? (
                <NativeSelect options={YES_NO} />
              ) : f.type === 'number' ? (
                <InputNumber style={{ width: '100%' }} />
              ) : (
                <Input />
              )}
            </Form.Item>
          ))}
          {ANSWERS.has(action) && (
            <Form.Item
              label="证据"
              name="evidence"
              extra="每行一项：证据名称 取得日期（如：申请登记表 2025-01-10）。案件开始后自行收集的证据不能提交（行政复议法第四十六条、行政诉讼法第三十五条）"
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
            </Form.Item>
          )}
        </>
      )}
    </ActModal>
  );
}
