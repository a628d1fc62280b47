import { App, Alert, Button, Card, Select, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage, get, post } from '../lib/api.ts';
import { useTitle } from '../lib/useTitle.ts';
import { PageHeader } from '../layout/PageHeader.tsx';

interface Figure {
  key: string;
  label: string;
  value: number;
  unit: string;
  method: string;
  records: { path: string; query: Record<string, string | number | boolean> };
}
interface Statistics {
  year: number;
  figures: Figure[];
  dueOn: string;
  caseId: string | null;
  publishedOn: string | null;
  late: boolean;
  mayPublish: boolean;
}

/**
 * 年度行政执法统计 (国办发〔2018〕118号): last year's figures from the records, each with how it is counted,
 * published by the legal office or a leader before the due day; once published they are frozen and on /zftj.
 */
export default function StatisticsPage() {
  useTitle('年度行政执法统计');
  const { ref } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const lastYear = new Date().getFullYear() - 1;
  const key = ['penalties', 'statistics', ref ?? String(lastYear)];
  const { data, isPending, error } = useQuery({
    queryKey: key,
    queryFn: () =>
      get<Statistics>(`/api/penalties/statistics/${encodeURIComponent(ref ?? String(lastYear))}`),
  });
  const year = data?.year ?? lastYear;
  const publish = () =>
    modal.confirm({
      title: `公开${year}年度行政执法统计`,
      content: '公开后数据固定并在门户网站“行政执法统计”栏目发布，不能撤回。',
      okText: '确认公开',
      cancelText: '取消',
      onOk: () =>
        post(`/api/penalties/statistics/${year}/publish`)
          .then(() => client.invalidateQueries({ queryKey: ['penalties', 'statistics'] }))
          .then(() => message.success(`已公开${year}年度行政执法统计`))
          .catch((e) => message.error(errorMessage(e))),
    });
  return (
    <>
      <PageHeader
        title="年度行政执法统计"
        subTitle={
          data
            ? data.publishedOn
              ? `${data.publishedOn}已公开`
              : `公开期限 ${data.dueOn}`
            : undefined
        }
        extra={
          <Space>
            <Select
              aria-label="统计年度"
              value={year}
              style={{ width: 120 }}
              onChange={(y) => navigate(`/penalties/statistics/${y}`)}
              options={Array.from({ length: 6 }, (_, i) => lastYear + 1 - i).map((y) => ({
                value: y,
                label: `${y}年度`,
              }))}
            />
            {data?.mayPublish && (
              <Button type="primary" onClick={publish}>
                公开统计数据
              </Button>
            )}
          </Space>
        }
      />
      {error && (
        <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />
      )}
      <Card>
        {data?.publishedOn ? (
          <Space style={{ marginBottom: 12 }}>
            <Tag color={data.late ? 'red' : 'green'}>{data.late ? '逾期公开' : '按期公开'}</Tag>
            <a href={`/zftj/${year}`}>在门户网站查看</a>
          </Space>
        ) : null}
        <Table<Figure>
          rowKey="key"
          size="small"
          loading={isPending}
          pagination={false}
          dataSource={data?.figures ?? []}
          locale={{ emptyText: '本年度没有行政执法数据' }}
          columns={[
            { title: '项目', dataIndex: 'label' },
            {
              title: '数据',
              render: (_, f) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {f.value}
                  {f.unit}
                </span>
              ),
            },
            { title: '统计口径', dataIndex: 'method' },
          ]}
        />
        {data?.caseId ? (
          <p style={{ marginTop: 12 }}>
            <Link to={`/cases/${data.caseId}`}>办理记录</Link>
          </p>
        ) : null}
      </Card>
    </>
  );
}
