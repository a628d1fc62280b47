import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, Skeleton, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, get, put } from '../lib/api.ts';
import { settingsKey, type FileSettings } from './types.ts';

const MB = 1024 * 1024;
const GB = 1024 * MB;

interface LimitSpec {
  setting: string;
  title: string;
  hint: string;
  label: string;
  unit: 'MB' | 'GB';
  min: number;
  max: number;
  precision: number;
  saved: string;
  invalidate: string[];
}

/** One upload limit setting ({ maxBytes }), edited in MB or GB. */
function LimitCard({ spec }: { spec: LimitSpec }) {
  const key = settingsKey(spec.setting);
  const scale = spec.unit === 'GB' ? GB : MB;
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ amount: number }>();
  const { data, isPending, error } = useQuery({
    queryKey: key,
    queryFn: () => get<FileSettings>(`/api/settings/${spec.setting}`),
  });
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const round = 10 ** spec.precision;
  useEffect(() => {
    if (data) form.setFieldsValue({ amount: Math.round((data.maxBytes / scale) * round) / round });
  }, [data, form, scale, round]);

  async function save({ amount }: { amount: number }) {
    setSaving(true);
    setProblem(null);
    try {
      client.setQueryData(
        key,
        await put<FileSettings>(`/api/settings/${spec.setting}`, {
          maxBytes: Math.round(amount * scale),
        }),
      );
      await Promise.all(spec.invalidate.map((k) => client.invalidateQueries({ queryKey: [k] })));
      message.success(spec.saved);
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{spec.title}</h2>}>
      <Typography.Paragraph type="secondary">{spec.hint}</Typography.Paragraph>
      {error && (
        <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />
      )}
      {isPending ? (
        <Skeleton active />
      ) : (
        <Form form={form} layout="vertical" name={spec.setting.replace('/', '-')} onFinish={save}>
          <Form.Item
            name="amount"
            label={spec.label}
            rules={[{ required: true, message: `请填写${spec.label}` }]}
            extra={`${spec.min} 至 ${spec.max} ${spec.unit}`}
          >
            <InputNumber
              min={spec.min}
              max={spec.max}
              precision={spec.precision}
              suffix={spec.unit}
              style={{ width: 200 }}
            />
          </Form.Item>
          {problem && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={problem}
              style={{ marginBottom: 16 }}
            />
          )}
          <Button type="primary" htmlType="submit" loading={saving}>
            保存
          </Button>
        </Form>
      )}
    </Card>
  );
}

/** The upload limit for attachments and released files (the server's multipart ceiling is 200 MB). */
export function FileLimitCard() {
  return (
    <LimitCard
      spec={{
        setting: 'files',
        title: '附件大小上限',
        hint: '适用于主动公开信息的附件和依申请公开答复提供的文件；超过上限的文件不能上传。',
        label: '单个文件大小上限',
        unit: 'MB',
        min: 1,
        max: 200,
        precision: 1,
        saved: '附件大小上限已保存',
        invalidate: ['publications', 'files'],
      }}
    />
  );
}

/** The ceiling of streamed audio and video (全过程记录), in GB. */
export function LargeFileLimitCard() {
  return (
    <LimitCard
      spec={{
        setting: 'files/large',
        title: '音视频等大文件上限',
        hint: '适用于行政执法全过程记录的录音录像等大文件，边上传边保存，不占用服务器内存。',
        label: '单个大文件大小上限',
        unit: 'GB',
        min: 0.01,
        max: 64,
        precision: 2,
        saved: '大文件大小上限已保存',
        invalidate: ['files'],
      }}
    />
  );
}
