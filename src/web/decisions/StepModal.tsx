import { useState } from 'react';
import { Form, Input, InputNumber, type UploadFile } from 'antd';
import { ActModal } from '../reviews/ActModal.tsx';
import { FileUpload, uploadedIds } from '../lib/FileUpload.tsx';
import { DateField } from '../lib/DateField.tsx';
import { NativeSelect } from '../documents/NativeSelect.tsx';

export interface StepField {
  name: string;
  label: string;
  type?: 'text' | 'textarea' | 'date' | 'select' | 'number';
  required?: boolean;
  options?: { value: string; label: string }[];
  help?: string;
  initial?: string;
}

/** One step of a decision in a modal: its fields and, when `files`, evidence files uploaded to /api/files. */
export function StepModal({
  title,
  fields,
  files = true,
  onSubmit,
  onClose,
}: {
  title: string;
  fields: StepField[];
  files?: boolean;
  onSubmit: (values: Record<string, unknown>, fileIds: string[]) => Promise<void>;
  onClose: () => void;
}) {
  const [uploads, setUploads] = useState<UploadFile[]>([]);
  const initialValues = Object.fromEntries(
    fields.filter((f) => f.initial).map((f) => [f.name, f.initial]),
  );
  return (
    <ActModal
      title={title}
      initialValues={initialValues}
      onClose={onClose}
      onSubmit={(v) => onSubmit(v, uploadedIds(uploads))}
    >
      {() => (
        <>
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
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} />
              ) : f.type === 'select' ? (
                <NativeSelect options={f.options ?? []} />
              ) : f.type === 'number' ? (
                <InputNumber style={{ width: '100%' }} min={0} />
              ) : (
                <Input />
              )}
            </Form.Item>
          ))}
          {files && (
            <Form.Item label="材料（可选）" extra="上传的文件作为本环节的证据材料归档，只增不改">
              <FileUpload files={uploads} onChange={setUploads} buttonLabel="上传材料" />
            </Form.Item>
          )}
        </>
      )}
    </ActModal>
  );
}

/** '是'/'否' choices as the generic case form sends them. */
export const YES_NO = [
  { value: 'true', label: '是' },
  { value: 'false', label: '否' },
];
export const bool = (v: unknown) => v === true || v === 'true';
