import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Input, Popconfirm, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage, patch, post } from '../lib/api.ts';
import { roleLabel, useMeta } from '../lib/session.ts';
import type { AdminUser } from '../lib/types.ts';
import { RequireAbility } from '../auth/RequireAuth.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { InitialPasswordModal } from './InitialPasswordModal.tsx';
import { UserFormModal } from './UserFormModal.tsx';
import { UserStatus } from './UserStatus.tsx';
import { matchesUser, usersKey, useUsers } from './queries.ts';

/** 三员分立: an administrator's password is reset on the server's command line only (the API refuses). */
const ADMIN_ROLES = ['sysAdmin', 'secAdmin', 'auditAdmin'];

function Users() {
  const client = useQueryClient();
  const { message } = App.useApp();
  const { data: meta } = useMeta();
  const { data, isPending, error } = useUsers();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<AdminUser | 'new' | null>(null);
  const [shownPassword, setShownPassword] = useState<{ username: string; password: string } | null>(
    null,
  );
  const rows = useMemo(
    () => (data?.items ?? []).filter((u) => matchesUser(u, search)),
    [data, search],
  );
  const refresh = () => client.invalidateQueries({ queryKey: usersKey });

  async function setActive(u: AdminUser, active: boolean) {
    try {
      await patch(`/api/admin/users/${encodeURIComponent(u.id)}`, { active });
      message.success(active ? `已启用 ${u.displayName}` : `已停用 ${u.displayName}`);
      await refresh();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  async function resetPassword(u: AdminUser) {
    try {
      const res = await post<{ initialPassword: string }>(
        `/api/admin/users/${encodeURIComponent(u.id)}/reset-password`,
      );
      setShownPassword({ username: u.username, password: res.initialPassword });
      await refresh();
    } catch (err) {
      message.error(errorMessage(err));
    }
  }

  const columns: TableColumnsType<AdminUser> = [
    {
      title: '用户名',
      dataIndex: 'username',
      render: (v: string) => <span className="mono">{v}</span>,
    },
    { title: '姓名', dataIndex: 'displayName' },
    { title: '所属机构', dataIndex: 'orgName' },
    {
      title: '角色',
      dataIndex: 'roles',
      render: (roles: string[]) =>
        roles.length ? (
          <Space size={4} wrap>
            {roles.map((r) => (
              <Tag key={r}>{roleLabel(meta, r)}</Tag>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
    { title: '状态', key: 'status', render: (_, u) => <UserStatus user={u} /> },
    {
      title: '操作',
      key: 'ops',
      render: (_, u) => (
        <Space size={0} wrap>
          <Button type="link" onClick={() => setEditing(u)} aria-label={`编辑${u.displayName}`}>
            编辑
          </Button>
          <Popconfirm
            title={u.active ? `停用 ${u.displayName}？` : `启用 ${u.displayName}？`}
            description={u.active ? '停用后该用户不能登录，已有会话将失效。' : undefined}
            okText="确定"
            cancelText="取消"
            onConfirm={() => setActive(u, !u.active)}
          >
            <Button type="link" danger={u.active}>
              {u.active ? '停用' : '启用'}
            </Button>
          </Popconfirm>
          {u.roles.some((r) => ADMIN_ROLES.includes(r)) ? (
            <Button
              type="link"
              disabled
              title={`三员分立：管理员账号的密码须在服务器上执行 npm run fazhi -- users reset-password ${u.username} --administrator 重置`}
            >
              重置密码
            </Button>
          ) : (
            <Popconfirm
              title={`重置 ${u.displayName} 的密码？`}
              description="将生成新的初始密码，用户下次登录须修改密码。"
              okText="重置"
              cancelText="取消"
              onConfirm={() => resetPassword(u)}
            >
              <Button type="link">重置密码</Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="用户管理"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增用户
          </Button>
        }
      />
      {error && (
        <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />
      )}
      <Card>
        <Input.Search
          aria-label="搜索用户"
          placeholder="按用户名、姓名或机构搜索"
          allowClear
          style={{ maxWidth: 360, marginBottom: 16 }}
          onSearch={setSearch}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Table<AdminUser>
          rowKey="id"
          loading={isPending}
          columns={columns}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 人` }}
          locale={{ emptyText: '暂无用户' }}
          scroll={{ x: 900 }}
        />
      </Card>
      {editing && (
        <UserFormModal
          user={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onUpdated={() => {
            setEditing(null);
            message.success('已保存');
            void refresh();
          }}
          onCreated={(user, password) => {
            setEditing(null);
            setShownPassword({ username: user.username, password });
            void refresh();
          }}
        />
      )}
      {shownPassword && (
        <InitialPasswordModal
          username={shownPassword.username}
          password={shownPassword.password}
          onClose={() => setShownPassword(null)}
        />
      )}
    </>
  );
}

export default function UsersPage() {
  return (
    <RequireAbility ability="manageUsers">
      <Users />
    </RequireAbility>
  );
}
