import { useState } from 'react';
import { Button, Card, Input, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { get } from '../lib/api.ts';
import { useCurrentSession } from '../lib/session.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { NativeSelect } from '../documents/NativeSelect.tsx';
import type { DecisionItem } from './types.ts';
import { useLabels } from '../lib/labels.ts';

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 10 }, (_, i) => ({
  value: String(thisYear - i),
  label: `${thisYear - i}年`,
}));

export default function DecisionsPage() {
  const navigate = useNavigate();
  const session = useCurrentSession();
  const [status, setStatus] = useState('');
  const [year, setYear] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const filters = { status: status || undefined, year: year || undefined, q: q || undefined };
  const labels = useLabels('decisions');
  const { data, isPending } = useQuery({
    queryKey: ['decisions', filters, page],
    queryFn: () =>
      get<{ total: number; items: DecisionItem[] }>('/api/decisions', {
        ...filters,
        page,
        pageSize: 20,
      }),
  });
  return (
    <>
      <PageHeader
        title="重大行政决策"
        extra={
          <>
            <Button onClick={() => navigate('/decisions/catalogue')}>决策事项目录</Button>
            <Button onClick={() => navigate('/meetings')}>会议议题</Button>
            {session.abilities.startDecision && (
              <Button type="primary" onClick={() => navigate('/decisions/new')}>
                启动决策
              </Button>
            )}
          </>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <NativeSelect
            ariaLabel="办理状态"
            placeholder="全部状态"
            width={200}
            options={labels.choices('statuses')}
            value={status}
            onChange={(e) => {
              setStatus(e.target.value);
              setPage(1);
            }}
          />
          <NativeSelect
            ariaLabel="启动年度"
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
            aria-label="决策事项名称"
            placeholder="决策事项名称"
            allowClear
            onSearch={(v) => {
              setQ(v);
              setPage(1);
            }}
            style={{ width: 260 }}
          />
        </Space>
        <Table<DecisionItem>
          rowKey="id"
          loading={isPending}
          dataSource={data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 20,
            total: data?.total ?? 0,
            onChange: setPage,
            showTotal: (n) => `共 ${n} 项`,
          }}
          columns={[
            {
              title: '决策事项',
              dataIndex: 'title',
              render: (t: string, r) => <Link to={`/decisions/${r.id}`}>{t}</Link>,
            },
            { title: '承办单位', dataIndex: 'undertakingUnit' },
            {
              title: '目录',
              dataIndex: 'inCatalogue',
              render: (v: boolean) => (v ? '目录内' : '目录外'),
            },
            { title: '决定日期', dataIndex: 'decidedOn' },
            { title: '公布日期', dataIndex: 'publishedOn' },
            { title: '状态', dataIndex: 'statusLabel', render: (s: string) => <Tag>{s}</Tag> },
          ]}
        />
      </Card>
    </>
  );
}
