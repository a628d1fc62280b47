import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart as Bars } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([Bars, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

/** One indicator across departments (ECharts, SVG; ECharts' aria option writes the chart's description). */
export function BarChart({
  title,
  unit,
  rows,
}: {
  title: string;
  unit: string;
  rows: Array<{ name: string; value: number | null }>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = echarts.init(ref.current!, undefined, { renderer: 'svg' });
    chart.setOption({
      aria: {
        enabled: true,
        label: {
          description: `${title}：${rows.map((r) => `${r.name}${r.value ?? '无数据'}${r.value === null ? '' : unit}`).join('；')}`,
        },
      },
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 24, bottom: 72 },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.name),
        axisLabel: { interval: 0, rotate: rows.length > 4 ? 30 : 0, color: '#333' },
      },
      yAxis: { type: 'value', name: unit, axisLabel: { color: '#333' } },
      series: [
        {
          type: 'bar',
          data: rows.map((r) => r.value),
          itemStyle: { color: '#0b57d0' },
          label: { show: true, position: 'top', color: '#333' },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [title, unit, rows]);
  return (
    <div
      ref={ref}
      role="img"
      aria-label={`${title}柱状图`}
      style={{ width: '100%', height: 320 }}
    />
  );
}
