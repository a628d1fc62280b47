import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography, type UploadFile } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ApiError, post } from '../lib/api.ts';
import { DateField } from '../lib/DateField.tsx';
import { DATE } from '../lib/format.ts';
import { applyFieldErrors, flatResolver } from '../lib/formErrors.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { NativeSelect } from './NativeSelect.tsx';
import { MaterialsUpload, uploadedIds } from './MaterialsUpload.tsx';
import { useLabels } from '../lib/labels.ts';
import type { MatterPayload } from './types.ts';

const NAMES = ['type', 'title', 'summary', 'requestedBy', 'fileIds'];
interface Values {
  type: string;
  title: string;
  summary?: string;
  requestedBy?: string;
}

/** A 科室 submits a matter of its own (合同协议, 其他法律事务 …); documents and decisions submit from their pages. */
export default function NewMatterPage() {
  const labels = useLabels('reviews');
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(v: Values) {
    setBusy(true);
    setError(null);
    try {
      const res = await post<MatterPayload>('/api/reviews', {
        type: v.type,
        title: v.title,
        summary: v.summary || undefined,
        requestedBy: v.requestedBy || undefined,
        fileIds: uploadedIds(files),
      });
      void client.invalidateQueries({ queryKey: ['reviews'] });
      navigate(`/reviews/${res.matter.id}`);
    } catch (err) {
      const unplaced = applyFieldErrors(form, err, flatResolver(NAMES));
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
      <PageHeader
        title="提交合法性审查"
        subTitle="由本部门法制机构审查；规范性文件、重大行政决策请在其办理页面提交"
      />
      <Card style={{ maxWidth: 900 }}>
        <Typography.Paragraph type="secondary">
          重大行政决策送请合法性审查，应当为审查机构预留不少于7个工作日（《重大行政决策程序暂行条例》第二十六条）。
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form<Values>
          form={form}
          layout="vertical"
          name="new-review"
          onFinish={(v) => void submit(v)}
          initialValues={{ type: 'contract' }}
        >
          <Form.Item
            label="事项类型"
            name="type"
            rules={[{ required: true, message: '请选择事项类型' }]}
          >
            <NativeSelect options={labels.choices('matterTypes')} />
          </Form.Item>
          <Form.Item
            label="事项名称"
            name="title"
            rules={[{ required: true, message: '请填写事项名称' }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            label="送审说明"
            name="summary"
            extra="审查事项的背景、依据和需要重点审查的问题"
          >
            <Input.TextArea autoSize={{ minRows: 3 }} />
          </Form.Item>
          <Form.Item
            label="要求完成日期"
            name="requestedBy"
            extra="留空按该类事项的默认审查期限计算"
          >
            <DateField />
          </Form.Item>
          <Form.Item label="送审材料">
            <MaterialsUpload files={files} onChange={setFiles} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            提交审查
          </Button>
        </Form>
      </Card>
    </>
  );
}
