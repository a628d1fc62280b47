import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError, api } from '../lib/api.ts';
import { flatResolver, applyFieldErrors } from '../lib/formErrors.ts';
import { storeSession, useSession } from '../lib/session.ts';
import type { Session } from '../lib/types.ts';
import { APP_TITLE, useTitle } from '../lib/useTitle.ts';
import { AuthShell } from './AuthShell.tsx';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  useTitle('登录');
  const [form] = Form.useForm<LoginForm>();
  const client = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const { data: session } = useSession();
  const [error, setError] = useState<{ type: 'error' | 'warning'; text: string } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (session && !submitting) {
    return <Navigate to={session.user.mustChangePassword ? '/password' : from} replace />;
  }

  async function onFinish(values: LoginForm) {
    setError(null);
    setSubmitting(true);
    try {
      const next = await api<Session>('/api/auth/login', {
        method: 'POST',
        body: values,
        handle401: false,
      });
      storeSession(client, next);
      navigate(next.user.mustChangePassword ? '/password' : from, { replace: true });
    } catch (err) {
      const unplaced = applyFieldErrors(form, err, flatResolver(['username', 'password']));
      if (err instanceof ApiError && err.code === 'ACCOUNT_LOCKED')
        setError({ type: 'warning', text: err.message });
      else if (err instanceof ApiError && err.fields.length > 0)
        setError(unplaced.length ? { type: 'error', text: unplaced.join('；') } : null);
      else setError({ type: 'error', text: err instanceof Error ? err.message : '登录失败' });
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <AuthShell>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 26, textAlign: 'center', marginTop: 0 }}>
          {APP_TITLE}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          员工登录
        </Typography.Paragraph>
        {error && (
          <Alert
            role="alert"
            type={error.type}
            showIcon
            title={error.text}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={onFinish}
          disabled={submitting}
        >
          <Form.Item
            label="用户名"
            name="username"
            htmlFor="login-username"
            rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
          >
            <Input
              id="login-username"
              prefix={<UserOutlined aria-hidden />}
              autoComplete="username"
              autoFocus
              size="large"
            />
          </Form.Item>
          <Form.Item
            label="密码"
            name="password"
            htmlFor="login-password"
            rules={[{ required: true, message: '请输入密码' }]}
          >
            <Input.Password
              id="login-password"
              prefix={<LockOutlined aria-hidden />}
              autoComplete="current-password"
              size="large"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph
          type="secondary"
          style={{ marginTop: 16, marginBottom: 0, fontSize: 13 }}
        >
          本系统仅限授权工作人员使用，所有操作均记入审计日志。忘记密码请联系系统管理员重置。
        </Typography.Paragraph>
      </Card>
    </AuthShell>
  );
}
