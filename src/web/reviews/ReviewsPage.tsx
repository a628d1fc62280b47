import { useState } from 'react';
import { Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { get } from '../lib/api.ts';
import { useCurrentSession } from '../lib/session.ts';
import { DueDate } from '../lib/DueDate.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { NativeSelect } from './NativeSelect.tsx';
import { useLabels } from '../lib/labels.ts';
import type { Candidates, MatterItem, MatterList } from './types.ts';

const FILTERS = ['type', 'status', 'assignee'] as const;

/** 合法性审查 queue: the legal office's department queue, a 科室's own matters, an advisor's assigned ones. */
export default function ReviewsPage() {
  const { abilities } = useCurrentSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const filter = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? undefined]));
  const { data, isPending } = useQuery({
    queryKey: ['reviews', filter, q, page],
    queryFn: () => get<MatterList>('/api/reviews', { ...filter, q, page, pageSize: 20 }),
  });
  const labels = useLabels('reviews');
  const candidates = useQuery({
    queryKey: ['reviews', 'reviewers'],
    queryFn: () => get<Candidates>('/api/reviews/reviewers'),
    enabled: !!abilities.manageReviews,
  });
  const set = (key: (typeof FILTERS)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setPage(1);
  };
  const assignees = [
    { value: 'me', label: '分派给我的' },
    ...(abilities.manageReviews ? [{ value: 'none', label: '尚未分派' }] : []),
    ...(candidates.data?.staff.map((s) => ({ value: `u:${s.id}`, label: s.name })) ?? []),
    ...(candidates.data?.advisors.map((a) => ({
      value: `a:${a.id}`,
      label: `${a.name}（${a.kindLabel}）`,
    })) ?? []),
  ];
  return (
    <>
      <PageHeader
        title="合法性审查"
        subTitle="重大行政决策、规范性文件、合同协议、信息公开答复等事项的合法性审查与法审意见"
        extra={
          <>
            {abilities.legalAdvisors && (
              <Button onClick={() => navigate('/reviews/advisors')}>法律顾问名册</Button>
            )}
            {abilities.submitReview && (
              <Button type="primary" onClick={() => navigate('/reviews/new')}>
                提交审查事项
              </Button>
            )}
          </>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <NativeSelect
            aria-label="事项类型"
            placeholder="全部类型"
            options={labels.choices('matterTypes')}
            value={filter.type}
            onChange={(v) => set('type', v)}
          />
          <NativeSelect
            aria-label="状态"
            placeholder="全部状态"
            options={labels.choices('statuses')}
            value={filter.status}
            onChange={(v) => set('status', v)}
          />
          <NativeSelect
            aria-label="审查人员"
            placeholder="全部审查人员"
            options={assignees}
            value={filter.assignee}
            onChange={(v) => set('assignee', v)}
          />
          <Input.Search
            aria-label="事项名称"
            placeholder="事项名称"
            allowClear
            onSearch={(v) => {
              setQ(v);
              setPage(1);
            }}
            style={{ width: 240 }}
          />
        </Space>
        <Table<MatterItem>
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
              title: '事项名称',
              dataIndex: 'title',
              render: (t: string, r) => <Link to={`/reviews/${r.id}`}>{t}</Link>,
            },
            { title: '类型', dataIndex: 'typeLabel' },
            { title: '送审单位', dataIndex: 'orgName' },
            { title: '送审日期', dataIndex: 'submittedOn' },
            {
              title: '审查期限',
              render: (_, r) => (
                <>
                  <DueDate dueDate={r.dueOn} explanation={r.dueExplanation} provisional={false} />
                  {r.overdue && (
                    <Tag
                      style={{
                        marginInlineStart: 8,
                        color: '#a8071a',
                        background: '#fff1f0',
                        borderColor: '#ffa39e',
                      }}
                    >
                      已超期
                    </Tag>
                  )}
                </>
              ),
            },
            {
              title: '审查人员',
              render: (_, r) =>
                r.reviewers.join('、') || (
                  <Typography.Text type="secondary">未分派</Typography.Text>
                ),
            },
            {
              title: '法审意见',
              render: (_, r) =>
                r.opinionCount
                  ? `${r.opinionCount}条${r.pendingAdoption ? `（${r.pendingAdoption}条待反馈）` : ''}`
                  : '—',
            },
            {
              title: '状态',
              render: (_, r) => (
                <Tag>
                  {r.conclusionLabel ? `${r.statusLabel}：${r.conclusionLabel}` : r.statusLabel}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
