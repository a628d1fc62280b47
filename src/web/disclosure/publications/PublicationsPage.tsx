import { useState } from 'react';
import { Alert, Button, Card, Flex, Input, Select, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { errorMessage, get } from '../../lib/api.ts';
import { RequireAbility } from '../../auth/RequireAuth.tsx';
import { PageHeader } from '../../layout/PageHeader.tsx';
import {
  labelOf,
  publicationsKey,
  TAG,
  usePublicationMeta,
  type PublicationItem,
  type PublicationPage,
} from './queries.ts';

interface Filters {
  q: string;
  category?: string;
  year?: number;
  status?: string;
  late?: string;
  page: number;
}

function Publications() {
  const navigate = useNavigate();
  const { data: meta } = usePublicationMeta();
  const [filters, setFilters] = useState<Filters>({ q: '', page: 1 });
  const { data, isPending, error } = useQuery({
    queryKey: [...publicationsKey, 'list', filters],
    queryFn: () => get<PublicationPage>('/api/publications', { ...filters, pageSize: 20 }),
  });
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, page: 1, ...patch }));
  const thisYear = Number((meta?.today ?? '2025').slice(0, 4));
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);

  const columns: TableColumnsType<PublicationItem> = [
    {
      title: '索引号',
      dataIndex: 'indexNumber',
      render: (v: string) => <span className="mono">{v}</span>,
    },
    {
      title: '名称',
      dataIndex: 'title',
      render: (v: string, r) => <Link to={`/publications/${r.id}`}>{v}</Link>,
    },
    {
      title: '组配分类',
      dataIndex: 'category',
      render: (v: string) => labelOf(meta?.categories, v),
    },
    { title: '生成日期', dataIndex: 'formedOn' },
    { title: '公开期限', dataIndex: 'dueOn' },
    { title: '发布日期', dataIndex: 'publishedOn' },
    {
      title: '状态',
      key: 'status',
      render: (_: unknown, r) => (
        <Flex gap={4} wrap>
          {r.status === 'withdrawn' ? (
            <Tag style={TAG.grey}>已撤回</Tag>
          ) : (
            <Tag style={TAG.green}>已公开</Tag>
          )}
          {r.late ? <Tag style={TAG.red}>超期公开</Tag> : null}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="主动公开"
        subTitle="政府信息自形成或变更之日起20个工作日内公开（《政府信息公开条例》第二十六条）"
        extra={
          meta?.abilities.publish ? (
            <Flex gap={8}>
              <Button onClick={() => navigate('/publications/reviews')}>发布审查</Button>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/publications/new')}
              >
                发布信息
              </Button>
            </Flex>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }} role="search" aria-label="筛选公开信息">
          <Input.Search
            allowClear
            placeholder="名称、文号、正文关键字"
            aria-label="关键字"
            style={{ width: 260 }}
            onSearch={(q) => set({ q })}
          />
          <Select
            allowClear
            placeholder="组配分类"
            aria-label="组配分类"
            style={{ width: 160 }}
            options={meta?.categories.map((c) => ({ value: c.code, label: c.label }))}
            onChange={(category) => set({ category })}
          />
          <Select
            allowClear
            placeholder="发布年份"
            aria-label="发布年份"
            style={{ width: 120 }}
            options={years.map((y) => ({ value: y, label: `${y}年` }))}
            onChange={(year) => set({ year })}
          />
          <Select
            allowClear
            placeholder="状态"
            aria-label="状态"
            style={{ width: 120 }}
            options={[
              { value: 'published', label: '已公开' },
              { value: 'withdrawn', label: '已撤回' },
            ]}
            onChange={(status) => set({ status })}
          />
          <Select
            allowClear
            placeholder="是否超期"
            aria-label="是否超期"
            style={{ width: 120 }}
            options={[
              { value: 'true', label: '超期公开' },
              { value: 'false', label: '按期公开' },
            ]}
            onChange={(late) => set({ late })}
          />
        </Flex>
        {error ? (
          <Alert type="error" showIcon message={errorMessage(error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Table<PublicationItem>
          rowKey="id"
          size="middle"
          loading={isPending}
          columns={columns}
          dataSource={data?.items ?? []}
          pagination={{
            current: filters.page,
            pageSize: 20,
            total: data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (n) => `共 ${n} 条`,
            onChange: (page) => setFilters((f) => ({ ...f, page })),
          }}
          scroll={{ x: 900 }}
        />
      </Card>
    </>
  );
}

export default function PublicationsPage() {
  return (
    <RequireAbility ability="publish">
      <Publications />
    </RequireAbility>
  );
}
