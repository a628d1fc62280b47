import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, InputNumber, Skeleton } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, errorMessage, get, put } from '../lib/api.ts';
import { applyFieldErrors, flatResolver } from '../lib/formErrors.ts';
import type { SecuritySettings } from '../lib/types.ts';

const key = ['admin', 'security-settings'];
const FIELDS: {
  name: keyof SecuritySettings;
  label: string;
  min: number;
  max: number;
  unit: string;
  extra: string;
}[] = [
  {
    name: 'passwordMinLength',
    label: '密码最小长度',
    min: 8,
    max: 64,
    unit: '位',
    extra: '不少于8位；另须包含四类字符中的三类',
  },
  {
    name: 'maxFailedLogins',
    label: '连续登录失败锁定次数',
    min: 1,
    max: 20,
    unit: '次',
    extra: '连续输错密码达到此次数后锁定账号',
  },
  {
    name: 'lockoutMinutes',
    label: '锁定时长',
    min: 1,
    max: 1440,
    unit: '分钟',
    extra: '锁定期满自动解锁，也可由管理员提前解锁',
  },
  {
    name: 'idleTimeoutMinutes',
    label: '会话空闲超时',
    min: 5,
    max: 480,
    unit: '分钟',
    extra: '无操作超过此时长须重新登录',
  },
];

export function SecuritySettingsCard() {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<SecuritySettings>();
  const { data, isPending, error } = useQuery({
    queryKey: key,
    queryFn: () => get<SecuritySettings>('/api/admin/security-settings'),
  });
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (data) form.setFieldsValue(data);
  }, [data, form]);

  async function onFinish(values: SecuritySettings) {
    setSaving(true);
    setSaveError(null);
    try {
      const saved = await put<SecuritySettings | undefined>('/api/admin/security-settings', values);
      client.setQueryData(
        key,
        saved && typeof saved === 'object' && 'passwordMinLength' in saved ? saved : values,
      );
      message.success('安全策略已保存');
    } catch (err) {
      const unplaced = applyFieldErrors(form, err, flatResolver(FIELDS.map((f) => f.name)));
      if (!(err instanceof ApiError) || err.fields.length === 0) setSaveError(errorMessage(err));
      else if (unplaced.length) setSaveError(unplaced.join('；'));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>安全策略</h2>}>
      {error && (
        <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />
      )}
      {saveError && <Alert type="error" showIcon title={saveError} style={{ marginBottom: 16 }} />}
      {isPending ? (
        <Skeleton active />
      ) : (
        <Form
          form={form}
          layout="vertical"
          name="security"
          onFinish={onFinish}
          style={{ maxWidth: 480 }}
          disabled={!data}
        >
          {FIELDS.map((f) => (
            <Form.Item
              key={f.name}
              label={f.label}
              name={f.name}
              extra={f.extra}
              rules={[{ required: true, message: `请填写${f.label}` }]}
            >
              <InputNumber
                min={f.min}
                max={f.max}
                precision={0}
                suffix={f.unit}
                style={{ width: 200 }}
              />
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit" loading={saving}>
            保存
          </Button>
        </Form>
      )}
    </Card>
  );
}
