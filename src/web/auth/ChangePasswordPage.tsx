import { useState } from 'react';
import { Alert, App, Button, Card, Form, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate } from 'react-router';
import { ApiError, api } from '../lib/api.ts';
import { applyFieldErrors } from '../lib/formErrors.ts';
import { FieldItems, fieldErrorPath } from '../lib/ActForm.tsx';
import { useForms } from '../lib/forms.ts';
import { fetchSession, sessionKey, storeSession, useSession } from '../lib/session.ts';
import { useTitle } from '../lib/useTitle.ts';
import { AuthShell } from './AuthShell.tsx';
import { PageLoading } from './RequireAuth.tsx';
import { PASSWORD_RULE_TEXT, PasswordRule, passwordClassCount } from './PasswordRule.tsx';
import { useLogout } from './useLogout.ts';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

// The client's hint of the rule (the server's policy, which may require more, decides).
const strength = {
  validator: (_: unknown, value: string | undefined) =>
    !value || (value.length >= 8 && passwordClassCount(value) >= 3)
      ? Promise.resolve()
      : Promise.reject(new Error(PASSWORD_RULE_TEXT)),
};

export function ChangePasswordPage() {
  useTitle('修改密码');
  const [form] = Form.useForm<PasswordForm>();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const logout = useLogout();
  const { data: session, isPending } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // The form as the server declares it (core/auth/forms.ts).
  const fields = useForms('auth').fields('password');

  if (isPending) return <PageLoading />;
  if (!session) return <Navigate to="/login" replace />;
  const forced = session.user.mustChangePassword;

  async function onFinish(values: PasswordForm) {
    setError(null);
    setSubmitting(true);
    try {
      await api('/api/auth/password', {
        method: 'POST',
        body: { currentPassword: values.currentPassword, newPassword: values.newPassword },
        handle401: false,
      });
      // The server may rotate the session and CSRF token after a password change.
      storeSession(
        client,
        await client.fetchQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 0 }),
      );
      message.success('密码已修改');
      navigate('/', { replace: true });
    } catch (err) {
      const unplaced = applyFieldErrors(form, err, fieldErrorPath(fields));
      if (err instanceof ApiError && err.code === 'WEAK_PASSWORD' && err.fields.length === 0) {
        form.setFields([{ name: 'newPassword', errors: [err.message] }]);
      } else if (err instanceof ApiError && err.status === 401 && err.fields.length === 0) {
        // Wrong current password — or the session ended; refresh it so the guard can react.
        form.setFields([{ name: 'currentPassword', errors: [err.message] }]);
        void client.invalidateQueries({ queryKey: sessionKey });
      } else if (!(err instanceof ApiError) || err.fields.length === 0) {
        setError(err instanceof Error ? err.message : '修改失败');
      } else if (unplaced.length) {
        setError(unplaced.join('；'));
      }
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <AuthShell>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
          修改密码
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {session.user.displayName}（{session.user.username}），{session.user.orgName}
        </Typography.Paragraph>
        {forced && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="首次登录或密码已被管理员重置，请先设置新密码后再使用系统。"
          />
        )}
        {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} />}
        <PasswordRule id="password-rule" />
        <Form form={form} layout="vertical" onFinish={onFinish} disabled={submitting}>
          <FieldItems
            fields={fields}
            extras={{
              currentPassword: { props: { autoFocus: true } },
              newPassword: { rules: [strength], props: { 'aria-describedby': 'password-rule' } },
            }}
          />
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={submitting}>
              确认修改
            </Button>
            {!forced && <Button onClick={() => navigate(-1)}>返回</Button>}
            <Button type="link" onClick={() => void logout()}>
              退出登录
            </Button>
          </Space>
        </Form>
      </Card>
    </AuthShell>
  );
}
