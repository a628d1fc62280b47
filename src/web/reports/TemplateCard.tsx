import { useEffect, useState } from 'react';
import { App, Button, Card, Flex, Input, InputNumber, Space, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, get, put } from '../lib/api.ts';
import type { ReportTemplate } from '../../modules/reports/template.ts';

interface TemplatePayload {
  value: ReportTemplate;
  defaults: ReportTemplate;
  partLabels: Record<string, string>;
}

/**
 * The deployment's report template: title, the order and headings of the five parts (the regulation's
 * order by default; many local templates put the 第一责任人 part second), the deadlines and the yearly
 * 学法 minimum. Applies to reports generated from now on.
 */
export function TemplateCard() {
  const client = useQueryClient();
  const { message } = App.useApp();
  const { data } = useQuery({
    queryKey: ['reportTemplate'],
    queryFn: () => get<TemplatePayload>('/api/reports/template'),
  });
  const [t, setT] = useState<ReportTemplate | null>(null);
  useEffect(() => setT(data?.value ?? null), [data]);
  if (!data || !t) return null;
  const move = (i: number, d: -1 | 1) => {
    const parts = [...t.parts];
    [parts[i], parts[i + d]] = [parts[i + d], parts[i]];
    setT({ ...t, parts });
  };
  const save = async () => {
    try {
      await put('/api/reports/template', t);
      await client.invalidateQueries({ queryKey: ['reportTemplate'] });
      message.success('模板已保存，此后生成的报告按新模板编排');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>报告模板</h2>}>
      <Typography.Paragraph type="secondary">
        {
          '标题和各部分标题中可使用 {department}（部门）、{year}（报告年度）、{nextYear}（下一年度）。'
        }
      </Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Flex gap={8} align="center">
          <strong style={{ whiteSpace: 'nowrap' }}>报告标题</strong>
          <Input
            aria-label="报告标题"
            value={t.title}
            onChange={(e) => setT({ ...t, title: e.target.value })}
          />
        </Flex>
        {t.parts.map((p, i) => (
          <Flex key={p.code} gap={8} align="center">
            <strong style={{ whiteSpace: 'nowrap' }}>{`${'一二三四五'[i]}、`}</strong>
            <Input
              aria-label={`第${i + 1}部分标题（${data.partLabels[p.code]}）`}
              value={p.heading}
              onChange={(e) =>
                setT({
                  ...t,
                  parts: t.parts.map((x, k) => (k === i ? { ...x, heading: e.target.value } : x)),
                })
              }
            />
            <Button
              icon={<ArrowUpOutlined />}
              aria-label={`上移：${data.partLabels[p.code]}`}
              disabled={i === 0}
              onClick={() => move(i, -1)}
            />
            <Button
              icon={<ArrowDownOutlined />}
              aria-label={`下移：${data.partLabels[p.code]}`}
              disabled={i === t.parts.length - 1}
              onClick={() => move(i, 1)}
            />
          </Flex>
        ))}
        <Flex gap={16} wrap align="center">
          <label>
            报送期限（次年）{' '}
            <Input
              aria-label="报送期限（次年月-日）"
              value={t.submitBy}
              onChange={(e) => setT({ ...t, submitBy: e.target.value })}
              style={{ width: 90 }}
            />
          </label>
          <label>
            公开期限（次年）{' '}
            <Input
              aria-label="公开期限（次年月-日）"
              value={t.publishBy}
              onChange={(e) => setT({ ...t, publishBy: e.target.value })}
              style={{ width: 90 }}
            />
          </label>
          <label>
            每年学法次数要求{' '}
            <InputNumber
              aria-label="每年学法次数要求"
              min={0}
              max={52}
              value={t.studyPerYear}
              onChange={(v) => setT({ ...t, studyPerYear: v ?? 0 })}
            />
          </label>
        </Flex>
        <Space>
          <Button type="primary" onClick={() => void save()}>
            保存模板
          </Button>
          <Button onClick={() => setT(data.defaults)}>恢复规定的顺序和标题</Button>
        </Space>
      </Space>
    </Card>
  );
}
