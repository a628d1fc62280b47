import { useState, type ReactNode } from 'react';
import { Alert, Form, Modal, type FormInstance, type UploadFile } from 'antd';
import { ApiError } from './api.ts';
import { FileUpload, uploadedIds } from './FileUpload.tsx';
import { applyFieldErrors } from './formErrors.ts';
import type { FormField, SelectKind } from './FieldControl.tsx';
import { FieldItems, fieldErrorPath, formValues } from './FieldItems.tsx';

// The field vocabulary lives in FieldControl.tsx and FieldItems.tsx; screens import it from here too.
export { bool, FieldControl, YES_NO, type FormField, type SelectKind } from './FieldControl.tsx';
export {
  FieldItem,
  FieldItems,
  fieldErrorPath,
  formValues,
  type ItemExtra,
} from './FieldItems.tsx';

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
    const values = formValues(fields, raw);
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values, uploadedIds(uploads));
    } catch (err) {
      const unplaced = applyFieldErrors(
        form,
        err,
        // The declared fields, and the items the screen renders itself.
        fieldErrorPath([
          ...fields,
          ...Object.keys(raw)
            .filter((k) => !fields.some((f) => f.name === k))
            .map((name) => ({ name, label: name })),
        ]),
      );
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
