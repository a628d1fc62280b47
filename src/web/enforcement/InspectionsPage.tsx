import { useState } from 'react';
import { Card, Input, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { get } from '../lib/api.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { NativeSelect } from '../documents/NativeSelect.tsx';
import { INSPECTION_STATUS, opts, type Inspection } from './types.ts';

/** 检查记录: every drawn target, its result and its publication (late ones marked). */
export default function InspectionsPage() {
  const [status, setStatus] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const year = new Date().getFullYear();
  const { data, isPending } = useQuery({
    queryKey: ['enforcement', 'inspections', status, search, page],
    queryFn: () =>
      get<{ total: number; items: Inspection[] }>('/api/enforcement/inspections', {
        status,
        search,
        page,
        pageSize: 20,
      }),
  });
  return (
    <>
      <PageHeader
        title="抽查检查记录"
        extra={
          <Space>
            <a href={`/api/enforcement/exchange/inspections.csv?year=${year}`}>导出{year}年CSV</a>
            <a href={`/api/enforcement/exchange/inspections.json?year=${year}`}>导出JSON</a>
          </Space>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <NativeSelect
            ariaLabel="状态"
            placeholder="全部状态"
            width={140}
            options={opts(INSPECTION_STATUS)}
            value={status}
            onChange={(e) => {
              setStatus(e.target.value);
              setPage(1);
            }}
          />
          <Input.Search
            aria-label="检查对象名称或统一社会信用代码"
            placeholder="名称或统一社会信用代码"
            allowClear
            onSearch={(v) => {
              setSearch(v);
              setPage(1);
            }}
            style={{ width: 280 }}
          />
        </Space>
        <Table<Inspection>
          rowKey="id"
          loading={isPending}
          dataSource={data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 20,
            total: data?.total ?? 0,
            onChange: setPage,
            showTotal: (n) => `共 ${n} 户`,
          }}
          columns={[
            {
              title: '检查对象',
              render: (_, r) => <Link to={`/enforcement/inspections/${r.id}`}>{r.targetName}</Link>,
            },
            { title: '抽查计划', dataIndex: 'planName' },
            { title: '检查人员', render: (_, r) => r.inspectors.map((i) => i.name).join('、') },
            { title: '检查日期', dataIndex: 'inspectedOn' },
            { title: '结果', dataIndex: 'resultLabel' },
            {
              title: '公示',
              render: (_, r) => (
                <Space size={4}>
                  <Tag>{INSPECTION_STATUS[r.status]}</Tag>
                  {r.publishDue && r.status === 'done' ? `期限${r.publishDue}` : ''}
                  {r.late && <Tag color="red">逾期公示</Tag>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
