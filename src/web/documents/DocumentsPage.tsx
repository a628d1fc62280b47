import { useState } from 'react';
import { Button, Card, Input, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { get } from '../lib/api.ts';
import { useCurrentSession } from '../lib/session.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { NativeSelect } from './NativeSelect.tsx';
import { useLabels } from '../lib/labels.ts';

interface Item {
  id: string;
  title: string;
  docNumber: string | null;
  draftingOrgName: string;
  publishedOn: string | null;
  legalStatus: string;
  legalStatusLabel: string;
  caseStatus: string;
  version: number;
}

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 15 }, (_, i) => ({
  value: String(thisYear - i),
  label: `${thisYear - i}年`,
}));

export default function DocumentsPage() {
  const navigate = useNavigate();
  const session = useCurrentSession();
  const [legalStatus, setLegalStatus] = useState('');
  const [year, setYear] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const filters = {
    legalStatus: legalStatus || undefined,
    year: year || undefined,
    q: q || undefined,
  };
  const labels = useLabels('documents');
  const { data, isPending } = useQuery({
    queryKey: ['documents', filters, page],
    queryFn: () =>
      get<{ total: number; items: Item[] }>('/api/documents', { ...filters, page, pageSize: 20 }),
  });
  const exportQuery = new URLSearchParams(
    Object.entries(filters).filter((e): e is [string, string] => !!e[1]),
  ).toString();
  return (
    <>
      <PageHeader
        title="行政规范性文件"
        extra={
          <>
            <Button href={`/api/documents/export.xlsx${exportQuery ? `?${exportQuery}` : ''}`}>
              导出 Excel
            </Button>
            <Button onClick={() => navigate('/documents/cleanups')}>文件清理</Button>
            {session?.abilities.documentCleanup && (
              <Button onClick={() => navigate('/reviews')}>合法性审核</Button>
            )}
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
          <NativeSelect
            ariaLabel="效力状态"
            placeholder="全部效力状态"
            width={160}
            options={labels.choices('legalStatuses')}
            value={legalStatus}
            onChange={(e) => {
              setLegalStatus(e.target.value);
              setPage(1);
            }}
          />
          <NativeSelect
            ariaLabel="年度"
            placeholder="全部年度"
            width={120}
            options={YEARS}
            value={year}
            onChange={(e) => {
              setYear(e.target.value);
              setPage(1);
            }}
          />
          <Input.Search
            aria-label="名称、文号或正文"
            placeholder="名称、文号或正文"
            allowClear
            onSearch={(v) => {
              setQ(v);
              setPage(1);
            }}
            style={{ width: 260 }}
          />
        </Space>
        <Table<Item>
          rowKey="id"
          loading={isPending}
          dataSource={data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 20,
            total: data?.total ?? 0,
            onChange: setPage,
            showTotal: (n) => `共 ${n} 件`,
          }}
          columns={[
            {
              title: '文件名称',
              dataIndex: 'title',
              render: (t: string, r) => (
                <Link to={`/documents/${r.id}`}>
                  {t}
                  {r.version > 1 ? `（第${r.version}版）` : ''}
                </Link>
              ),
            },
            { title: '文号', dataIndex: 'docNumber' },
            { title: '起草科室', dataIndex: 'draftingOrgName' },
            { title: '发布日期', dataIndex: 'publishedOn' },
            {
              title: '效力状态',
              dataIndex: 'legalStatusLabel',
              render: (s: string) => <Tag>{s}</Tag>,
            },
          ]}
        />
      </Card>
    </>
  );
}
