import type { ReactNode } from 'react';
import { Card, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { TAG, type Figure, type Heading, type ImportMeta } from './queries.ts';

const MARK_MAPPED = { background: '#d6ebff', color: '#0b3a66', padding: '0 2px', borderRadius: 2 };
const MARK_PLAIN = { background: '#fff1b8', color: '#4d3800', padding: '0 2px', borderRadius: 2 };

const describe = (f: Figure, meta: ImportMeta | undefined) =>
  [
    f.subject,
    f.area ? meta?.areas[f.area] : null,
    f.indicator ? `对应指标：${meta?.indicators[f.indicator] ?? f.indicator}` : null,
  ]
    .filter(Boolean)
    .join(' · ');

function headingLines(items: Heading[], levels = new Map<number, number>()): Map<number, number> {
  for (const h of items) {
    if (h.level <= 4 && !levels.has(h.line)) levels.set(h.line, h.level);
    headingLines(h.children, levels);
  }
  return levels;
}

/** The normalised report, one paragraph per line, with every figure highlighted and described. */
export function ReportText({
  text,
  figures,
  headings,
  meta,
}: {
  text: string;
  figures: Figure[];
  headings: Heading[];
  meta: ImportMeta | undefined;
}) {
  const levels = headingLines(headings);
  let offset = 0;
  const paragraphs = text.split('\n').map((line, i) => {
    const start = offset;
    offset += line.length + 1;
    const parts: ReactNode[] = [];
    let at = 0;
    figures.forEach((f, n) => {
      if (f.line !== i) return;
      const from = f.start - start;
      parts.push(line.slice(at, from));
      parts.push(
        <mark
          key={n}
          id={`fig-${n}`}
          title={describe(f, meta)}
          style={f.indicator ? MARK_MAPPED : MARK_PLAIN}
        >
          {f.text}
        </mark>,
      );
      at = f.end - start;
    });
    parts.push(line.slice(at));
    const level = levels.get(i);
    return (
      <p
        key={i}
        id={`line-${i}`}
        style={{
          margin: '0 0 8px',
          textIndent: level ? 0 : '2em',
          fontWeight: level && level <= 2 ? 600 : 400,
        }}
      >
        {parts}
      </p>
    );
  });
  return (
    <Card
      title="报告正文（已规范化）"
      extra={
        <Typography.Text type="secondary">黄色：具体数字；蓝色：可对应系统指标</Typography.Text>
      }
      style={{ marginBottom: 16 }}
    >
      <div
        style={{ maxHeight: 640, overflow: 'auto', lineHeight: 1.9 }}
        tabIndex={0}
        role="region"
        aria-label="报告正文"
      >
        {paragraphs}
      </div>
    </Card>
  );
}

/** The figures as a table: value, what it counts, area, the indicator it maps to, where it is. */
export function FiguresTable({
  figures,
  meta,
}: {
  figures: Figure[];
  meta: ImportMeta | undefined;
}) {
  const partLabel = (code: string | null) =>
    code ? (meta?.parts.find((p) => p.code === code)?.label.slice(0, 3) ?? code) : '开头';
  const rows = figures.map((f, n) => ({ ...f, n }));
  const columns: TableColumnsType<(typeof rows)[number]> = [
    { title: '数字', dataIndex: 'text', render: (v: string, r) => <a href={`#fig-${r.n}`}>{v}</a> },
    { title: '内容', dataIndex: 'subject' },
    {
      title: '领域',
      dataIndex: 'area',
      render: (v: string | null) => (v ? (meta?.areas[v] ?? v) : '—'),
    },
    {
      title: '对应指标',
      dataIndex: 'indicator',
      render: (v: string | null) =>
        v ? <Tag style={TAG.blue}>{meta?.indicators[v] ?? v}</Tag> : '—',
    },
    { title: '所在部分', dataIndex: 'part', render: (v: string | null) => partLabel(v) },
  ];
  return (
    <Card title={`具体数字（${figures.length}项）`} style={{ marginBottom: 16 }}>
      <Table
        rowKey="n"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 700 }}
      />
    </Card>
  );
}
