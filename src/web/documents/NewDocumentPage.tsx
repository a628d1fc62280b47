import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Radio, Select } from 'antd';
import { useNavigate } from 'react-router';
import { ApiError, post } from '../lib/api.ts';
import { applyFieldErrors, flatResolver } from '../lib/formErrors.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { DOC_TYPES, type DocumentPayload } from './types.ts';

const NAMES = ['title', 'docType', 'trial', 'concernsMarket', 'touchesPublicInterest', 'draftingExplanation', 'legalBases', 'bodyText', 'keywords'];

export default function NewDocumentPage() {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(values: Record<string, unknown>) {
    setBusy(true);
    setError(null);
    try {
      const res = await post<DocumentPayload>('/api/documents', values);
      navigate(`/documents/${res.document.id}`);
    } catch (err) {
      const unplaced = applyFieldErrors(form, err, flatResolver(NAMES));
      setError(err instanceof ApiError && err.fields.length ? (unplaced.length ? unplaced.join('；') : null) : err instanceof Error ? err.message : '保存失败');
    } finally {
      setBusy(false);
    }
  }
  const yesNo = [{ value: true, label: '是' }, { value: false, label: '否' }];
  return (
    <>
      <PageHeader title="起草行政规范性文件" subTitle="制发机关为本局；起草科室为您所在的科室（严禁以内设机构名义制发）" />
      <Card>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" name="new-document" onFinish={(v) => void submit(v)} initialValues={{ docType: 'measures', trial: 'none', concernsMarket: false, touchesPublicInterest: true }}>
          <Form.Item label="文件名称" name="title" rules={[{ required: true, message: '请填写文件名称' }]}><Input maxLength={200} /></Form.Item>
          <Form.Item label="文件类型" name="docType"><Select options={DOC_TYPES} /></Form.Item>
          <Form.Item label="试行/暂行" name="trial"><Radio.Group options={[{ value: 'none', label: '否' }, { value: 'trial', label: '试行' }, { value: 'interim', label: '暂行' }]} /></Form.Item>
          <Form.Item label="是否涉及市场主体生产经营活动" name="concernsMarket" extra="涉及的，征求意见不少于30日并须经公平竞争审查"><Radio.Group options={yesNo} /></Form.Item>
          <Form.Item label="是否涉及群众切身利益" name="touchesPublicInterest"><Radio.Group options={yesNo} /></Form.Item>
          <Form.Item label="起草说明" name="draftingExplanation"><Input.TextArea autoSize={{ minRows: 3 }} /></Form.Item>
          <Form.Item label="制定依据" name="legalBases"><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item>
          <Form.Item label="正文" name="bodyText" extra="每段一行；条文以“第一条”等开头"><Input.TextArea autoSize={{ minRows: 8 }} /></Form.Item>
          <Form.Item label="关键词" name="keywords"><Input /></Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>保存草案</Button>
        </Form>
      </Card>
    </>
  );
}
