import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Radio, Result, Spin } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage, get, post, put } from '../lib/api.ts';
import { applyFieldErrors, flatResolver } from '../lib/formErrors.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { NativeSelect } from './NativeSelect.tsx';
import { DOC_TYPES, type DocumentPayload } from './types.ts';

const NAMES = [
  'title',
  'docType',
  'trial',
  'concernsMarket',
  'touchesPublicInterest',
  'draftingExplanation',
  'legalBases',
  'bodyText',
  'keywords',
];
const yesNo = [
  { value: true, label: '是' },
  { value: false, label: '否' },
];

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
      const unplaced = applyFieldErrors(form, err, flatResolver(NAMES));
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
          <Form.Item
            label="文件名称"
            name="title"
            rules={[{ required: true, message: '请填写文件名称' }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label="文件类型" name="docType">
            <NativeSelect options={DOC_TYPES} width={240} />
          </Form.Item>
          <Form.Item label="试行/暂行" name="trial">
            <Radio.Group
              options={[
                { value: 'none', label: '否' },
                { value: 'trial', label: '试行' },
                { value: 'interim', label: '暂行' },
              ]}
            />
          </Form.Item>
          <Form.Item
            label="是否涉及市场主体生产经营活动"
            name="concernsMarket"
            extra={
              d
                ? '起草时已确定，不能更改（影响征求意见期限和公平竞争审查）'
                : '涉及的，征求意见不少于30日并须经公平竞争审查'
            }
          >
            <Radio.Group options={yesNo} disabled={!!d} />
          </Form.Item>
          <Form.Item label="是否涉及群众切身利益" name="touchesPublicInterest">
            <Radio.Group options={yesNo} />
          </Form.Item>
          <Form.Item label="起草说明" name="draftingExplanation">
            <Input.TextArea autoSize={{ minRows: 3 }} />
          </Form.Item>
          <Form.Item label="制定依据" name="legalBases">
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Form.Item
            label="正文"
            name="bodyText"
            extra="每段一行；条文以“第一条”等开头。也可保存后在文件页面上传 .docx 正文"
          >
            <Input.TextArea autoSize={{ minRows: 8 }} />
          </Form.Item>
          <Form.Item label="关键词" name="keywords">
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {d ? '保存修改' : '保存草案'}
          </Button>
        </Form>
      </Card>
    </>
  );
}
