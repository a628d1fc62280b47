import { useState, type ReactNode } from 'react';
import { Alert, Form, Modal, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { ApiError } from '../lib/api.ts';
import { DATE } from '../lib/format.ts';
import { applyFieldErrors } from '../lib/formErrors.ts';

/**
 * One act of the review page in a modal: the caller renders the Form.Items; dates leave as YYYY-MM-DD;
 * a 400's field errors land on their items, anything else shows above the form.
 */
export function ActModal({
  title,
  onSubmit,
  onClose,
  children,
  initialValues,
}: {
  title: string;
  onSubmit: (values: Record<string, unknown>) => Promise<void>;
  onClose: () => void;
  children: (form: FormInstance) => ReactNode;
  initialValues?: Record<string, unknown>;
}) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function ok() {
    const raw = (await form.validateFields()) as Record<string, unknown>;
    const values = Object.fromEntries(
      Object.entries(raw)
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => [k, dayjs.isDayjs(v) ? v.format(DATE) : v]),
    );
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
    } catch (err) {
      const unplaced = applyFieldErrors(form, err, (path) =>
        path.split('.')[0] in raw ? [path.split('.')[0]] : null,
      );
      setError(
        err instanceof ApiError && err.fields.length
          ? unplaced.length
            ? unplaced.join('；')
            : null
          : err instanceof Error
            ? err.message
            : '提交失败',
      );
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      open
      title={title}
      okText="确认"
      onOk={() => void ok().catch(() => undefined)}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" name={`act-${title}`} initialValues={initialValues}>
        {children(form)}
      </Form>
    </Modal>
  );
}
