import { Form, Input } from 'antd';
import { ActForm } from '../lib/ActForm.tsx';
import type { FieldSpec } from './types.ts';

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
    <ActForm
      title={label}
      fields={[
        { name: 'on', label: '办理日期', type: 'date', required: true, initial: today },
        ...fields,
      ]}
      onClose={onClose}
      onSubmit={(v) => {
        const { on, evidence, ...data } = v;
        const body: Record<string, unknown> = { action, on, data };
        if (ANSWERS.has(action)) body.evidence = parseEvidence(String(evidence ?? ''));
        return onSubmit(body);
      }}
    >
      {() =>
        ANSWERS.has(action) && (
          <Form.Item
            label="证据"
            name="evidence"
            extra="每行一项：证据名称 取得日期（如：申请登记表 2025-01-10）。案件开始后自行收集的证据不能提交（行政复议法第四十六条、行政诉讼法第三十五条）"
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
          </Form.Item>
        )
      }
    </ActForm>
  );
}
