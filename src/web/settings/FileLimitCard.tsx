import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, Skeleton, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, get, put } from '../lib/api.ts';
import { settingsKey, type FileSettings } from './types.ts';

const key = settingsKey('files');
const MB = 1024 * 1024;

/** The upload limit for attachments and released files (the server's multipart ceiling is 200 MB). */
export function FileLimitCard() {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ mb: number }>();
  const { data, isPending, error } = useQuery({ queryKey: key, queryFn: () => get<FileSettings>('/api/settings/files') });
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (data) form.setFieldsValue({ mb: Math.round((data.maxBytes / MB) * 10) / 10 });
  }, [data, form]);

  async function save({ mb }: { mb: number }) {
    setSaving(true);
    setProblem(null);
    try {
      const saved = await put<FileSettings>('/api/settings/files', { maxBytes: Math.round(mb * MB) });
      client.setQueryData(key, saved);
      await client.invalidateQueries({ queryKey: ['publications'] });
      message.success('附件大小上限已保存');
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>附件大小上限</h2>}>
      <Typography.Paragraph type="secondary">适用于主动公开信息的附件和依申请公开答复提供的文件；超过上限的文件不能上传。</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />}
      {isPending ? (
        <Skeleton active />
      ) : (
        <Form form={form} layout="vertical" name="fileLimit" onFinish={save}>
          <Form.Item name="mb" label="单个文件大小上限" rules={[{ required: true, message: '请填写单个文件大小上限' }]} extra="1 至 200 MB">
            <InputNumber min={1} max={200} precision={1} suffix="MB" style={{ width: 200 }} />
          </Form.Item>
          {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" loading={saving}>
            保存
          </Button>
        </Form>
      )}
    </Card>
  );
}

const GB = 1024 * MB;
const largeKey = settingsKey('files/large');

/** The ceiling of streamed audio and video (全过程记录), in GB. */
export function LargeFileLimitCard() {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ gb: number }>();
  const { data, isPending, error } = useQuery({ queryKey: largeKey, queryFn: () => get<FileSettings>('/api/settings/files/large') });
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (data) form.setFieldsValue({ gb: Math.round((data.maxBytes / GB) * 100) / 100 });
  }, [data, form]);
  async function save({ gb }: { gb: number }) {
    setProblem(null);
    try {
      client.setQueryData(largeKey, await put<FileSettings>('/api/settings/files/large', { maxBytes: Math.round(gb * GB) }));
      await client.invalidateQueries({ queryKey: ['files'] });
      message.success('大文件大小上限已保存');
    } catch (err) {
      setProblem(errorMessage(err));
    }
  }
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>音视频等大文件上限</h2>}>
      <Typography.Paragraph type="secondary">适用于行政执法全过程记录的录音录像等大文件，边上传边保存，不占用服务器内存。</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />}
      {isPending ? (
        <Skeleton active />
      ) : (
        <Form form={form} layout="vertical" name="largeFileLimit" onFinish={save}>
          <Form.Item name="gb" label="单个大文件大小上限" rules={[{ required: true, message: '请填写单个大文件大小上限' }]} extra="0.01 至 64 GB">
            <InputNumber min={0.01} max={64} precision={2} suffix="GB" style={{ width: 200 }} />
          </Form.Item>
          {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit">
            保存
          </Button>
        </Form>
      )}
    </Card>
  );
}
