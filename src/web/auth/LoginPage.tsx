import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError, api } from '../lib/api.ts';
import { applyFieldErrors } from '../lib/formErrors.ts';
import { FieldItems, fieldErrorPath, type ItemExtra } from '../lib/ActForm.tsx';
import { useForms } from '../lib/forms.ts';
import { storeSession, useSession } from '../lib/session.ts';
import type { Session } from '../lib/types.ts';
import { APP_TITLE, useTitle } from '../lib/useTitle.ts';
import { AuthShell } from './AuthShell.tsx';

interface LoginForm {
  username: string;
  password: string;
}

// The controls as the page drew them before the form was served: large, with their icons.
const EXTRAS: Record<string, ItemExtra> = {
  username: {
    props: {
      prefix: <UserOutlined aria-hidden />,
      autoComplete: 'username',
      autoFocus: true,
      size: 'large',
    },
  },
  password: { props: { prefix: <LockOutlined aria-hidden />, size: 'large' } },
};

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
  // The form as the server declares it (core/auth/forms.ts), read before signing in; a name left
  // empty is asked for as 请输入.
  const fields = useForms('auth')
    .fields('login')
    .map((f) => ({ ...f, requiredMessage: `请输入${f.label}` }));

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
      const unplaced = applyFieldErrors(form, err, fieldErrorPath(fields));
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
          name="login"
          layout="vertical"
          requiredMark={false}
          onFinish={onFinish}
          disabled={submitting}
        >
          <FieldItems fields={fields} extras={EXTRAS} />
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
