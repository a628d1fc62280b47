import type { ReactNode } from 'react';
import { Button, Result, Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { errorMessage } from '../lib/api.ts';
import { useSession } from '../lib/session.ts';
import type { Abilities } from '../lib/types.ts';

export function PageLoading() {
  return (
    <div role="status" style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
      <span className="sr-only">正在加载…</span>
    </div>
  );
}

/** Lets only logged-in users through; forces the password change when the server demands it. */
export function RequireAuth() {
  const { data: session, isPending, error, refetch } = useSession();
  const location = useLocation();
  if (isPending) return <PageLoading />;
  if (error) {
    return (
      <main>
        <Result
          status="error"
          title="无法连接服务器"
          subTitle={errorMessage(error)}
          extra={
            <Button type="primary" onClick={() => refetch()}>
              重试
            </Button>
          }
        />
      </main>
    );
  }
  if (!session) {
    const from = location.pathname + location.search;
    return <Navigate to="/login" replace state={from === '/' ? undefined : { from }} />;
  }
  if (session.user.mustChangePassword) return <Navigate to="/password" replace />;
  return <Outlet />;
}

/** Shows the page only when the server granted the ability; the server still checks every request. */
export function RequireAbility({
  ability,
  children,
}: {
  ability: keyof Abilities;
  children: ReactNode;
}) {
  const { data: session } = useSession();
  if (!session?.abilities[ability]) {
    return (
      <Result
        status="403"
        title="无权访问"
        subTitle="您的账号没有使用此功能的权限。如需开通，请联系系统管理员。"
      />
    );
  }
  return <>{children}</>;
}
