import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Form, Input, Radio, Result, Spin } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage, get, post, put } from '../lib/api.ts';
import { applyFieldErrors, flatResolver } from '../lib/formErrors.ts';
import { FieldControl, type FormField } from '../lib/ActForm.tsx';
import { useForms } from '../lib/forms.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { NativeSelect } from './NativeSelect.tsx';
import type { DocumentPayload } from './types.ts';

// How the page draws some of the declared fields (documents/forms.ts DRAFT_FORM, served at
// GET /api/documents/forms): the small choices as radio buttons, the texts at their own heights.
const radios = (f: FormField, disabled = false) => (
  <Radio.Group
    options={(f.options ?? []).map((o) =>
      // 是/否 as the booleans the route takes
      f.type === 'boolean' ? { value: o.value === 'true', label: o.label } : o,
    )}
    disabled={disabled}
  />
);
const rows = (f: FormField, minRows: number) => (
  <Input.TextArea autoSize={{ minRows }} maxLength={f.maxLength} />
);
const LOOK: Record<string, (f: FormField, editing: boolean) => ReactNode> = {
  docType: (f) => <NativeSelect options={[...(f.options ?? [])]} width={240} />,
  trial: (f) => radios(f),
  // Fixed when drafted (its comment period and 公平竞争审查 depend on it).
  concernsMarket: (f, editing) => radios(f, editing),
  touchesPublicInterest: (f) => radios(f),
  draftingExplanation: (f) => rows(f, 3),
  legalBases: (f) => rows(f, 2),
  bodyText: (f) => rows(f, 8),
};

/** 起草 (/documents/new) and 修改草案 (/documents/:id/edit): the same form; a published text changes only through a new version. */
export default function NewDocumentPage() {
  const { id } = useParams();
  const { data, isPending, error } = useQuery({
    queryKey: ['document', id],
    queryFn: () => get<DocumentPayload>(`/api/documents/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
  if (!id) return <DocumentForm />;
  if (isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (error || !data)
    return <Result status="error" title="无法打开该文件" subTitle={errorMessage(error)} />;
  if (!data.abilities.edit)
    return (
      <Result
        status="warning"
        title="该文件不能修改"
        subTitle="已登记编号或已发布的文件文本不得修改；现行有效的文件可在文件页面“启动修改”生成新版本。"
      />
    );
  return <DocumentForm current={data} />;
}

function DocumentForm({ current }: { current?: DocumentPayload }) {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { fields, isPending } = useForms('documents');
  const draft = fields('draft');
  const d = current?.document;
  async function submit(values: Record<string, unknown>) {
    setBusy(true);
    setError(null);
    try {
      const res = d
        ? await put<DocumentPayload>(`/api/documents/${d.id}`, values)
        : await post<DocumentPayload>('/api/documents', values);
      client.setQueryData(['document', res.document.id], res);
      void client.invalidateQueries({ queryKey: ['documents'] });
      navigate(`/documents/${res.document.id}`);
    } catch (err) {
      const unplaced = applyFieldErrors(form, err, flatResolver(draft.map((f) => f.name)));
      setError(
        err instanceof ApiError && err.fields.length
          ? unplaced.length
            ? unplaced.join('；')
            : null
          : err instanceof Error
            ? err.message
            : '保存失败',
      );
    } finally {
      setBusy(false);
    }
  }
  const initial = d
    ? {
        title: d.title,
        docType: d.docType,
        trial: d.trial,
        concernsMarket: d.concernsMarket,
        touchesPublicInterest: d.touchesPublicInterest,
        draftingExplanation: d.draftingExplanation,
        legalBases: d.legalBases,
        bodyText: d.bodyText,
        keywords: d.keywords,
      }
    : { docType: 'measures', trial: 'none', concernsMarket: false, touchesPublicInterest: true };
  if (isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  return (
    <>
      <PageHeader
        title={d ? `修改草案：${d.title}` : '起草行政规范性文件'}
        subTitle="制发机关为本局；起草科室为您所在的科室（严禁以内设机构名义制发）"
      />
      <Card>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form
          form={form}
          layout="vertical"
          name="document"
          onFinish={(v) => void submit(v)}
          initialValues={initial}
        >
          {draft.map((f) => (
            <Form.Item
              key={f.name}
              label={f.label}
              name={f.name}
              extra={
                f.name === 'concernsMarket' && d
                  ? '起草时已确定，不能更改（影响征求意见期限和公平竞争审查）'
                  : f.help
              }
              rules={
                f.required && f.type === 'text'
                  ? [{ required: true, message: `请填写${f.label}` }]
                  : undefined
              }
            >
              {LOOK[f.name]?.(f, !!d) ?? <FieldControl field={f} />}
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit" loading={busy}>
            {d ? '保存修改' : '保存草案'}
          </Button>
        </Form>
      </Card>
    </>
  );
}
