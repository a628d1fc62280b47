import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, Skeleton, Space, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, get, put } from '../lib/api.ts';
import { NativeSelect } from './NativeSelect.tsx';

interface DocumentSettings {
  validityYears: number;
  trialValidityYears: number;
  reminderMonths: number;
  filingDays: number;
  filingUnit: 'day' | 'workday';
}
const key = ['settings', 'documents'] as const;
const UNITS = [
  { value: 'day', label: '日' },
  { value: 'workday', label: '个工作日' },
];

/** 行政规范性文件 local rules: validity periods, the 后评估 reminder, the 备案 period (each change audited). */
export function DocumentSettingsCard() {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<DocumentSettings>();
  const { data, isPending, error } = useQuery({
    queryKey: key,
    queryFn: () => get<DocumentSettings>('/api/settings/documents'),
  });
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (data) form.setFieldsValue(data);
  }, [data, form]);

  async function save(v: DocumentSettings) {
    setSaving(true);
    setProblem(null);
    try {
      client.setQueryData(key, await put<DocumentSettings>('/api/settings/documents', v));
      message.success('规范性文件设置已保存');
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  const years = (name: keyof DocumentSettings, label: string, max: number, extra: string) => (
    <Form.Item
      name={name}
      label={label}
      rules={[{ required: true, message: `请填写${label}` }]}
      extra={extra}
    >
      <InputNumber min={1} max={max} precision={0} suffix="年" style={{ width: 160 }} />
    </Form.Item>
  );
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>行政规范性文件</h2>}>
      <Typography.Paragraph type="secondary">
        按本地规范性文件管理办法设置；新的备案期限适用于此后发布的文件。
      </Typography.Paragraph>
      {error && (
        <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />
      )}
      {isPending ? (
        <Skeleton active />
      ) : (
        <Form form={form} layout="vertical" name="documentSettings" onFinish={save}>
          <Space wrap size="large" align="start">
            {years('validityYears', '有效期上限', 10, '一般不超过5年')}
            {years('trialValidityYears', '试行、暂行文件有效期上限', 5, '一般不超过2年')}
            <Form.Item
              name="reminderMonths"
              label="届满前提醒后评估"
              rules={[{ required: true, message: '请填写届满前提醒后评估' }]}
              extra="有效期届满前几个月"
            >
              <InputNumber min={1} max={12} precision={0} suffix="个月" style={{ width: 160 }} />
            </Form.Item>
            <Form.Item
              name="filingDays"
              label="备案期限"
              rules={[{ required: true, message: '请填写备案期限' }]}
              extra="自公开发布之日起"
            >
              <InputNumber min={1} max={90} precision={0} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="filingUnit" label="备案期限单位">
              <NativeSelect options={UNITS} width={120} />
            </Form.Item>
          </Space>
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
