import { useEffect, useRef, useState } from 'react';
import { Card, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { get } from '../lib/api.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { NativeSelect } from '../documents/NativeSelect.tsx';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

interface RateRow {
  orgId: string;
  orgName: string;
  month: string;
  total: number;
  good: number;
  bad: number;
}
const yearsUpTo = (last: number) =>
  Array.from({ length: 6 }, (_, i) => ({ value: String(last - i), label: `${last - i}年` }));
const rate = (g: number, n: number) => (n ? Math.round((g / n) * 1000) / 10 : 0);

/** 好差评 per division and month: a chart of the 好评率 and the table behind it. */
export default function RatingsPage() {
  const [year, setYear] = useState('');
  const { data } = useQuery({
    queryKey: ['hotline-ratings', year],
    queryFn: () =>
      get<{ year: number; rows: RateRow[] }>('/api/hotline/ratings', { year: year || undefined }),
  });
  const shown = String(data?.year ?? '');
  const ref = useRef<HTMLDivElement>(null);
  const rows = data?.rows ?? [];
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const months = [...new Set(rows.map((r) => r.month))].sort();
    const orgs = [...new Set(rows.map((r) => r.orgName || '本单位'))];
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: orgs },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', name: '好评率（%）', max: 100 },
      series: orgs.map((o) => ({
        name: o,
        type: 'bar',
        data: months.map((m) => {
          const r = rows.find((x) => x.month === m && (x.orgName || '本单位') === o);
          return r ? rate(r.good, r.total) : 0;
        }),
      })),
    });
    return () => chart.dispose();
  }, [rows]);
  return (
    <>
      <PageHeader title="政务服务好差评" />
      <Card>
        <NativeSelect
          ariaLabel="年度"
          width={120}
          options={yearsUpTo(Math.max(new Date().getFullYear(), data?.year ?? 0))}
          value={shown}
          onChange={(e) => setYear(e.target.value)}
        />
        <div
          ref={ref}
          role="img"
          aria-label={`${shown}年各科室各月好评率`}
          style={{ height: 320, marginTop: 16 }}
        />
        <Table
          rowKey={(r) => `${r.orgId}-${r.month}`}
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: '月份', dataIndex: 'month' },
            { title: '科室', dataIndex: 'orgName', render: (v: string) => v || '本单位' },
            { title: '评价数', dataIndex: 'total' },
            { title: '好评', dataIndex: 'good' },
            { title: '差评', dataIndex: 'bad' },
            { title: '好评率', render: (_, r) => `${rate(r.good, r.total)}%` },
          ]}
        />
      </Card>
    </>
  );
}
