import { Card, Col, List, Row, Tag, Typography } from 'antd';
import { TAG, type Analysis, type Heading, type ImportMeta } from './queries.ts';

/** The five official parts: found (and under which heading), nested, or missing. */
export function PartsCard({
  analysis,
  meta,
}: {
  analysis: Analysis;
  meta: ImportMeta | undefined;
}) {
  return (
    <Card title="法定部分（厅字〔2019〕28号）" style={{ marginBottom: 16 }}>
      <List
        size="small"
        dataSource={meta?.parts ?? []}
        renderItem={(p) => {
          const found = analysis.parts.find((x) => x.code === p.code);
          return (
            <List.Item>
              <div style={{ width: '100%' }}>
                <Row gutter={12} wrap={false}>
                  <Col flex="none">
                    {found ? (
                      <Tag style={found.nested ? TAG.amber : TAG.green}>
                        {found.nested ? '写在小标题下' : '已包含'}
                      </Tag>
                    ) : (
                      <Tag style={p.code === 'other' ? TAG.grey : TAG.red}>缺少</Tag>
                    )}
                  </Col>
                  <Col flex="auto">
                    <Typography.Text strong>{p.label}</Typography.Text>
                    {found ? (
                      <Typography.Text type="secondary" style={{ display: 'block' }}>
                        报告中：{found.headings.map((h) => h.title).join('；')}
                      </Typography.Text>
                    ) : null}
                  </Col>
                </Row>
              </div>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}

function HeadingItems({
  items,
  partLabel,
}: {
  items: Heading[];
  partLabel: (code: string) => string;
}) {
  return (
    <ul className="heading-tree" style={{ listStyle: 'none', paddingLeft: 16, margin: 0 }}>
      {items.map((h) => (
        <li key={`${h.line}-${h.start}`} style={{ margin: '2px 0' }}>
          <a href={`#line-${h.line}`} style={{ fontWeight: h.level <= 2 ? 600 : 400 }}>
            {h.marker}
            {h.title}
          </a>
          {h.part ? <Tag style={{ ...TAG.blue, marginLeft: 8 }}>{partLabel(h.part)}</Tag> : null}
          {h.children.length ? <HeadingItems items={h.children} partLabel={partLabel} /> : null}
        </li>
      ))}
    </ul>
  );
}

/** The heading tree (一、 / （一） / 1. / （1） / 一是…), each entry a link to its paragraph. */
export function HeadingTree({
  analysis,
  meta,
}: {
  analysis: Analysis;
  meta: ImportMeta | undefined;
}) {
  const partLabel = (code: string) =>
    meta?.parts.find((p) => p.code === code)?.label.slice(0, 3) ?? code;
  return (
    <Card title="标题结构" style={{ marginBottom: 16 }}>
      {analysis.headings.length ? (
        <HeadingItems items={analysis.headings} partLabel={partLabel} />
      ) : (
        <Typography.Text type="secondary">未识别出标题</Typography.Text>
      )}
    </Card>
  );
}
