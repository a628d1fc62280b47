import { useMemo, useState } from 'react';
import { Alert, Button, Card, Space, Spin, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatValue } from '../../modules/reports/document.ts';
import { errorMessage, get } from '../lib/api.ts';
import { dateCn } from '../lib/format.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { BarChart } from './BarChart.tsx';
import { useReportYear, YearSelect } from './YearSelect.tsx';
import type { Oversight } from './types.ts';

type Dept = Oversight['departments'][number];
type Indicator = Oversight['indicators'][number];
type Imported = Oversight['imports'][number];

const PART_NAMES: Record<string, string> = {
  measures: '举措成效',
  shortcomings: '不足原因',
  firstResponsible: '第一责任人',
  nextYear: '下年安排',
  other: '其他',
};

/** 依法治市办 / 司法局: every department's report status, the submitted reports, and departments compared. */
export default function OversightPage() {
  const [year, setYear] = useReportYear();
  const { data, isPending, error } = useQuery({
    queryKey: ['reportOversight', year],
    queryFn: () => get<Oversight>('/api/reports/oversight', { year }),
  });
  const [chartKey, setChartKey] = useState<string>('');
  const indicator = useMemo(
    () => data?.indicators.find((i) => i.key === chartKey) ?? data?.indicators[0],
    [data, chartKey],
  );
  if (isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (error || !data) return <Alert type="error" title={errorMessage(error)} />;
  const h2 = (t: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{t}</h2>;
  return (
    <>
      <PageHeader
        title="法治政府建设年度报告监督"
        subTitle={`${year}年度 · 报送期限${dateCn(data.submitDueOn)} · 公开期限${dateCn(data.publishDueOn)}`}
        extra={
          <>
            <YearSelect year={year} onChange={setYear} />
            <Button href={`/api/reports/oversight/export.xlsx?year=${year}`}>导出 Excel</Button>
            <Link to="/reports/imports">导入外部报告</Link>
          </>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={h2('各部门报送情况')}>
          <Table<Dept>
            size="small"
            rowKey="departmentId"
            pagination={false}
            dataSource={data.departments}
            columns={[
              {
                title: '部门',
                dataIndex: 'department',
                render: (n: string, d) =>
                  d.readable ? (
                    <Link to={`/reports/oversight/${d.departmentId}?year=${year}`}>{n}</Link>
                  ) : (
                    n
                  ),
              },
              { title: '状态', dataIndex: 'stateLabel' },
              {
                title: '报送日期',
                dataIndex: 'submittedOn',
                render: (v: string | null, d) =>
                  v ? `${v}${d.submittedLate ? '（逾期）' : ''}` : '—',
              },
              {
                title: '公开日期',
                dataIndex: 'publishedOn',
                render: (v: string | null, d) =>
                  v ? `${v}${d.publishedLate ? '（逾期）' : ''}` : '—',
              },
            ]}
          />
        </Card>
        <Card title={h2('指标对比')}>
          {data.indicators.length === 0 ? (
            <Typography.Paragraph type="secondary">
              尚无已报送的报告或导入的报告可供对比。
            </Typography.Paragraph>
          ) : (
            <>
              <Space style={{ marginBottom: 8 }}>
                <label htmlFor="chart-indicator">图表指标</label>
                <select
                  id="chart-indicator"
                  value={indicator?.key}
                  onChange={(e) => setChartKey(e.target.value)}
                  style={{ height: 32, maxWidth: 420 }}
                >
                  {data.indicators.map((i) => (
                    <option key={i.key} value={i.key}>
                      {i.label}
                    </option>
                  ))}
                </select>
              </Space>
              {indicator && (
                <BarChart
                  title={indicator.label}
                  unit={indicator.unit}
                  rows={data.columns.map((c) => ({ name: c.name, value: indicator.values[c.id] }))}
                />
              )}
              <Table<Indicator>
                size="small"
                rowKey="key"
                pagination={false}
                scroll={{ x: 300 + data.columns.length * 140 }}
                dataSource={data.indicators}
                columns={[
                  { title: '指标', dataIndex: 'label', fixed: 'left', width: 240 },
                  ...data.columns.map((c) => ({
                    title: c.name,
                    key: c.id,
                    width: 140,
                    align: 'right' as const,
                    render: (_: unknown, i: Indicator) =>
                      i.values[c.id] === null ? '—' : `${formatValue(i.values[c.id]!)}${i.unit}`,
                  })),
                ]}
              />
            </>
          )}
        </Card>
        <Card title={h2('导入的外部报告')}>
          <Table<Imported>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={data.imports}
            locale={{ emptyText: '本年度没有导入的报告' }}
            columns={[
              {
                title: '单位',
                dataIndex: 'orgName',
                render: (n: string | null, i) => (
                  <Link to={`/reports/imports/${i.id}`}>{n ?? '未识别单位'}</Link>
                ),
              },
              {
                title: '缺少的部分',
                dataIndex: 'partsMissing',
                render: (p: string[]) =>
                  p.length ? p.map((c) => PART_NAMES[c] ?? c).join('、') : '无',
              },
              { title: '具体数据', dataIndex: 'factCount', render: (n: number) => `${n}处` },
              {
                title: '无具体事实的句子',
                dataIndex: 'emptySentenceShare',
                render: (n: number) => `${n}%`,
              },
            ]}
          />
        </Card>
      </Space>
    </>
  );
}
