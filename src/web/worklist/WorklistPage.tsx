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
    render: (_, r) => <DueDate dueDate={r.dueDate} explanation={r.explanation} provisional={r.provisional} />,
  },
  {
    title: '剩余时间',
    dataIndex: 'daysLeft',
    render: (_, r) => <DaysLeftTag daysLeft={r.daysLeft} unit={r.unit} overdue={r.overdue} dueSoon={r.dueSoon} />,
  },
];

export function WorklistPage() {
  const [filter, setFilter] = useState<Filter>('all');
  const { data, isPending, error } = useQuery({
    queryKey: ['worklist'],
    queryFn: () => get<Worklist>('/api/worklist'),
    refetchInterval: 5 * 60_000,
  });
  const items = data?.items ?? [];
  const dueSoon = items.filter((i) => i.dueSoon && !i.overdue).length;
  const overdue = items.filter((i) => i.overdue).length;
  const shown = filter === 'all' ? items : items.filter((i) => (filter === 'overdue' ? i.overdue : i.dueSoon && !i.overdue));

  return (
    <>
      <PageHeader title="工作台" subTitle={data ? `今天是${dateCn(data.today)}` : undefined} />
      {error && <Alert type="error" showIcon title="待办加载失败" description={errorMessage(error)} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} sm={8}>
          <Card loading={isPending}>
            <Statistic title="待办总数" value={items.length} suffix="件" />
          </Card>
        </Col>
        <Col xs={24} sm={8}>
          <Card loading={isPending}>
            <Statistic title="即将到期" value={dueSoon} suffix="件" styles={{ content: { color: dueSoon ? '#7a4100' : undefined } }} />
          </Card>
        </Col>
        <Col xs={24} sm={8}>
          <Card loading={isPending}>
            <Statistic title="已超期" value={overdue} suffix="件" styles={{ content: { color: overdue ? '#a8071a' : undefined } }} />
          </Card>
        </Col>
      </Row>
      <Card
        title={<h2 style={{ fontSize: 16, margin: 0 }}>我的待办</h2>}
        extra={
          <Segmented<Filter>
            aria-label="筛选待办"
            value={filter}
            onChange={setFilter}
            options={[
              { value: 'all', label: `全部（${items.length}）` },
              { value: 'dueSoon', label: `即将到期（${dueSoon}）` },
              { value: 'overdue', label: `已超期（${overdue}）` },
            ]}
          />
        }
      >
        <Table<WorkItem>
          rowKey="stepId"
          size="middle"
          loading={isPending}
          columns={columns}
          dataSource={shown}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 项` }}
          locale={{ emptyText: filter === 'all' ? '暂无待办事项' : '没有符合条件的待办' }}
          scroll={{ x: 800 }}
        />
      </Card>
    </>
  );
}
