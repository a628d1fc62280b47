import { useState } from 'react';
import { Alert, Card, Col, Row, Segmented, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { errorMessage, get } from '../lib/api.ts';
import { DaysLeftTag, DueDate } from '../lib/DueDate.tsx';
import { dateCn } from '../lib/format.ts';
import type { WorkItem, Worklist } from '../lib/types.ts';
import { PageHeader } from '../layout/PageHeader.tsx';

type Filter = 'all' | 'dueSoon' | 'overdue';

const columns: TableColumnsType<WorkItem> = [
  {
    title: '事项',
    dataIndex: 'caseTitle',
    render: (_, r) => <Link to={`/cases/${encodeURIComponent(r.caseId)}`}>{r.caseTitle}</Link>,
  },
  {
    title: '程序',
    dataIndex: 'procedureLabel',
    render: (_, r) => (
      <>
        <div>{r.procedureLabel}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {r.moduleLabel}
        </Typography.Text>
      </>
    ),
  },
  { title: '当前环节', dataIndex: 'stepLabel' },
  { title: '承办单位', dataIndex: 'orgName', responsive: ['xl'] },
  {
    title: '办理期限',
    dataIndex: 'dueDate',
    render: (_, r) => (
      <DueDate dueDate={r.dueDate} explanation={r.explanation} provisional={r.provisional} />
    ),
  },
  {
    title: '剩余时间',
    dataIndex: 'daysLeft',
    render: (_, r) => (
      <DaysLeftTag daysLeft={r.daysLeft} unit={r.unit} overdue={r.overdue} dueSoon={r.dueSoon} />
    ),
  },
];

const PAGE_SIZE = 20;

export function WorklistPage() {
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  // The server filters, counts and pages: a department may have thousands of open steps.
  const { data, isPending, isFetching, error } = useQuery({
    queryKey: ['worklist', filter, page],
    queryFn: () =>
      get<Worklist>(`/api/worklist?filter=${filter}&page=${page}&pageSize=${PAGE_SIZE}`),
    refetchInterval: 5 * 60_000,
    placeholderData: (previous) => previous,
  });
  const shown = data?.items ?? [];
  const all = data?.counts.all ?? 0;
  const dueSoon = data?.counts.dueSoon ?? 0;
  const overdue = data?.counts.overdue ?? 0;

  return (
    <>
      <PageHeader title="工作台" subTitle={data ? `今天是${dateCn(data.today)}` : undefined} />
      {error && (
        <Alert
          type="error"
          showIcon
          title="待办加载失败"
          description={errorMessage(error)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} sm={8}>
          <Card loading={isPending}>
            <Statistic title="待办总数" value={all} suffix="件" />
          </Card>
        </Col>
        <Col xs={24} sm={8}>
          <Card loading={isPending}>
            <Statistic
              title="即将到期"
              value={dueSoon}
              suffix="件"
              styles={{ content: { color: dueSoon ? '#7a4100' : undefined } }}
            />
          </Card>
        </Col>
        <Col xs={24} sm={8}>
          <Card loading={isPending}>
            <Statistic
              title="已超期"
              value={overdue}
              suffix="件"
              styles={{ content: { color: overdue ? '#a8071a' : undefined } }}
            />
          </Card>
        </Col>
      </Row>
      <Card
        title={<h2 style={{ fontSize: 16, margin: 0 }}>我的待办</h2>}
        extra={
          <Segmented<Filter>
            aria-label="筛选待办"
            value={filter}
            onChange={(f) => {
              setFilter(f);
              setPage(1);
            }}
            options={[
              { value: 'all', label: `全部（${all}）` },
              { value: 'dueSoon', label: `即将到期（${dueSoon}）` },
              { value: 'overdue', label: `已超期（${overdue}）` },
            ]}
          />
        }
      >
        <Table<WorkItem>
          rowKey="stepId"
          size="middle"
          loading={isPending || isFetching}
          columns={columns}
          dataSource={shown}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            onChange: setPage,
            hideOnSinglePage: true,
            showSizeChanger: false,
            showTotal: (t) => `共 ${t} 项`,
          }}
          locale={{ emptyText: filter === 'all' ? '暂无待办事项' : '没有符合条件的待办' }}
          scroll={{ x: 800 }}
        />
      </Card>
    </>
  );
}
