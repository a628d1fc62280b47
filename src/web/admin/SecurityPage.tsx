import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Input, Result, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage, post } from '../lib/api.ts';
import { roleLabel, useCurrentSession, useMeta } from '../lib/session.ts';
import type { AdminUser } from '../lib/types.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { RolesModal } from './RolesModal.tsx';
import { SecuritySettingsCard } from './SecuritySettingsCard.tsx';
import { UserStatus } from './UserStatus.tsx';
import { isLocked, matchesUser, usersKey, useUsers } from './queries.ts';

function RoleAssignment({ canAssign }: { canAssign: boolean }) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const { data: meta } = useMeta();
  const { data, isPending, error } = useUsers();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<AdminUser | null>(null);
  const rows = useMemo(
    () => (data?.items ?? []).filter((u) => matchesUser(u, search)),
    [data, search],
  );
  const refresh = () => client.invalidateQueries({ queryKey: usersKey });

  async function unlock(u: AdminUser) {
    try {
      await post(`/api/admin/users/${encodeURIComponent(u.id)}/unlock`);
      message.success(`已解锁 ${u.displayName}`);
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
          {canAssign && (
            <Button
              type="link"
              onClick={() => setEditing(u)}
              aria-label={`为${u.displayName}分配角色`}
            >
              分配角色
            </Button>
          )}
          {isLocked(u) && (
            <Button type="link" onClick={() => void unlock(u)} aria-label={`解锁${u.displayName}`}>
              解锁
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={
        <h2 style={{ fontSize: 16, margin: 0 }}>{canAssign ? '角色分配与账号解锁' : '账号解锁'}</h2>
      }
    >
      {error && (
        <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />
      )}
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
      {editing && (
        <RolesModal
          user={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            message.success('角色已更新');
            void refresh();
          }}
        />
      )}
    </Card>
  );
}

export default function SecurityPage() {
  const { abilities } = useCurrentSession();
  if (!abilities.assignRoles && !abilities.securitySettings) {
    return <Result status="403" title="无权访问" subTitle="您的账号没有使用此功能的权限。" />;
  }
  return (
    <>
      <PageHeader
        title="角色与安全"
        subTitle="三员分立：系统管理员、安全保密管理员、安全审计员各司其职"
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <RoleAssignment canAssign={abilities.assignRoles} />
        {abilities.securitySettings && <SecuritySettingsCard />}
      </Space>
    </>
  );
}
