import { useState } from 'react';
import { Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { get } from '../lib/api.ts';
import { useCurrentSession } from '../lib/session.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { LEGAL_STATUSES } from './types.ts';

interface Item { id: string; title: string; docNumber: string | null; draftingOrgName: string; publishedOn: string | null; legalStatus: string; caseStatus: string; version: number }

export default function DocumentsPage() {
  const navigate = useNavigate();
  const session = useCurrentSession();
  const [legalStatus, setLegalStatus] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const { data, isPending } = useQuery({ queryKey: ['documents', legalStatus, q, page], queryFn: () => get<{ total: number; items: Item[] }>('/api/documents', { legalStatus, q, page, pageSize: 20 }) });
  const label = (s: string) => LEGAL_STATUSES.find((x) => x.value === s)?.label ?? (s === 'notYetInForce' ? '有效（尚未施行）' : s);
  return (
    <>
      <PageHeader
        title="行政规范性文件"
        extra={
          <>
            <Button href={`/api/documents/export.xlsx${legalStatus ? `?legalStatus=${legalStatus}` : ''}`}>导出 Excel</Button>
            {session?.abilities.documentCleanup && <Button onClick={() => navigate('/reviews?type=normativeDocument')}>合法性审核队列</Button>}
            {session?.abilities.draftDocument && (
              <Button type="primary" onClick={() => navigate('/documents/new')}>
                起草文件
              </Button>
            )}
          </>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select aria-label="效力状态" placeholder="效力状态" allowClear style={{ width: 160 }} options={LEGAL_STATUSES} value={legalStatus} onChange={(v) => { setLegalStatus(v); setPage(1); }} />
          <Input.Search aria-label="名称或文号" placeholder="名称或文号" allowClear onSearch={(v) => { setQ(v); setPage(1); }} style={{ width: 260 }} />
        </Space>
        <Table<Item>
          rowKey="id"
          loading={isPending}
          dataSource={data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 件` }}
          columns={[
            { title: '文件名称', dataIndex: 'title', render: (t: string, r) => <Link to={`/documents/${r.id}`}>{t}{r.version > 1 ? `（第${r.version}版）` : ''}</Link> },
            { title: '文号', dataIndex: 'docNumber' },
            { title: '起草科室', dataIndex: 'draftingOrgName' },
            { title: '发布日期', dataIndex: 'publishedOn' },
            { title: '效力状态', dataIndex: 'legalStatus', render: (s: string) => <Tag>{label(s)}</Tag> },
          ]}
        />
      </Card>
    </>
  );
}
