import { useState } from 'react';
import { Alert, Button, Card, Form, Typography, type UploadFile } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ApiError, post } from '../lib/api.ts';
import { applyFieldErrors } from '../lib/formErrors.ts';
import { FieldItem, fieldErrorPath, formValues, type FormField } from '../lib/ActForm.tsx';
import { useForms } from '../lib/forms.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { MaterialsUpload, uploadedIds } from './MaterialsUpload.tsx';
import type { MatterPayload } from './types.ts';

// How the page draws the declared fields: the type select as wide as its longest option, the
// explanation from three rows on.
const PROPS: Record<string, Record<string, unknown>> = {
  type: { style: { width: 160 } },
  summary: { autoSize: { minRows: 3 } },
};

/** The form as the server declares it (GET /api/reviews/forms `submit`), and the materials. */
function SubmitForm({ fields }: { fields: FormField[] }) {
  const [form] = Form.useForm<Record<string, unknown>>();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(raw: Record<string, unknown>) {
    setBusy(true);
    setError(null);
    try {
      const res = await post<MatterPayload>('/api/reviews', {
        ...formValues(fields, raw),
        fileIds: uploadedIds(files),
      });
      void client.invalidateQueries({ queryKey: ['reviews'] });
      navigate(`/reviews/${res.matter.id}`);
    } catch (err) {
      const unplaced = applyFieldErrors(form, err, fieldErrorPath(fields));
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
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        name="new-review"
        onFinish={(v) => void submit(v)}
        initialValues={{ type: 'contract' }}
      >
        {fields.map((f) => (
          <FieldItem key={f.name} field={f} fields={fields} extra={{ props: PROPS[f.name] }} />
        ))}
        <Form.Item label="送审材料">
          <MaterialsUpload files={files} onChange={setFiles} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          提交审查
        </Button>
      </Form>
    </>
  );
}

/** A 科室 submits a matter of its own (合同协议, 其他法律事务 …); documents and decisions submit from their pages. */
export default function NewMatterPage() {
  const fields = useForms('reviews').fields('submit');
  return (
    <>
      <PageHeader
        title="提交合法性审查"
        subTitle="由本部门法制机构审查；规范性文件、重大行政决策请在其办理页面提交"
      />
      <Card style={{ maxWidth: 900 }}>
        <Typography.Paragraph type="secondary">
          重大行政决策送请合法性审查，应当为审查机构预留不少于7个工作日（《重大行政决策程序暂行条例》第二十六条）。
        </Typography.Paragraph>
        {fields.length ? <SubmitForm fields={fields} /> : null}
      </Card>
    </>
  );
}
