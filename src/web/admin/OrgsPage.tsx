import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../lib/api.ts';
import { RequireAbility } from '../auth/RequireAuth.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { OrgFormModal, type OrgModalState } from './OrgFormModal.tsx';
import { buildOrgTree, type OrgNode } from './orgTree.ts';
import { orgsKey, useOrgs } from './queries.ts';

function Orgs() {
  const client = useQueryClient();
  const { message } = App.useApp();
  const { data, isPending, error } = useOrgs();
  const [modal, setModal] = useState<OrgModalState | null>(null);
  const tree = useMemo(() => buildOrgTree(data?.items ?? []), [data]);

  const columns: TableColumnsType<OrgNode> = [
    { title: '机构名称', dataIndex: 'name' },
    { title: '类型', dataIndex: 'kindLabel' },
    {
      title: '统一社会信用代码',
      dataIndex: 'creditCode',
      render: (v: string | null) => <span className="mono">{v || '—'}</span>,
    },
    { title: '发文字号前缀', dataIndex: 'docPrefix', render: (v: string | null) => v || '—' },
    {
      title: '操作',
      key: 'ops',
      render: (_, org) => (
        <Space size={0} wrap>
          <Button
            type="link"
            onClick={() => setModal({ mode: 'edit', org })}
            aria-label={`编辑${org.name}`}
          >
            编辑
          </Button>
          <Button
            type="link"
            onClick={() => setModal({ mode: 'create', parentId: org.id })}
            aria-label={`在${org.name}下新增下级机构`}
          >
            新增下级
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="组织机构"
        subTitle="本单位及内设机构、下属单位"
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setModal({ mode: 'create', parentId: null })}
          >
            新增机构
          </Button>
        }
      />
      {error && (
        <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />
      )}
      <Card>
        {!isPending && (
          <Table<OrgNode>
            rowKey="id"
            columns={columns}
            dataSource={tree}
            pagination={false}
            expandable={{ defaultExpandAllRows: true }}
            locale={{ emptyText: '暂无机构' }}
            scroll={{ x: 760 }}
          />
        )}
        {isPending && <Table rowKey="id" loading columns={columns} dataSource={[]} />}
      </Card>
      {modal && (
        <OrgFormModal
          state={modal}
          tree={tree}
          onClose={() => setModal(null)}
          onSaved={() => {
            setModal(null);
            message.success('已保存');
            void client.invalidateQueries({ queryKey: orgsKey });
          }}
        />
      )}
    </>
  );
}

export default function OrgsPage() {
  return (
    <RequireAbility ability="manageOrgs">
      <Orgs />
    </RequireAbility>
  );
}
