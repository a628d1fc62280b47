import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../lib/api.ts';
import { storeSession } from '../lib/session.ts';

export function useLogout(): () => Promise<void> {
  const client = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  return async () => {
    try {
      await api('/api/auth/logout', { method: 'POST', body: {}, handle401: false });
    } catch {
      // already logged out, or the server is unreachable: forget the session locally anyway
    }
    storeSession(client, null);
    client.clear();
    client.setQueryData(['session'], null);
    navigate('/login', { replace: true });
    message.success('已退出登录');
  };
}
