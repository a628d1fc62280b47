import { useMemo, useState } from 'react';
import { Button, Card, Flex, Input, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  blockId,
  cnNumber,
  formatValue,
  type Block,
  type Inline,
  type ReportDocument,
} from '../../modules/reports/document.ts';
import { ParagraphEditor, type InsertTarget } from './ParagraphEditor.tsx';
import type { Figure, ShownFigure } from './types.ts';
import type { PlanReference } from '../../modules/reports/service.ts';

const AREA_LABELS: Record<string, string> = {
  functions: '依法全面履行政府职能',
  decisions: '依法科学民主决策',
  documents: '行政规范性文件管理',
  enforcement: '严格规范公正文明执法',
  disputes: '依法化解矛盾纠纷',
  disclosure: '政务公开',
  reconsideration: '行政复议和行政应诉',
  legalEducation: '普法宣传',
  other: '其他工作',
  firstResponsible: '第一责任人职责',
  timeliness: '办理时限',
};

interface Props {
  doc: ReportDocument;
  figures: Record<string, ShownFigure>;
  available: Figure[];
  editable: boolean;
  /** Last year's part (四), shown beside this year's: a paragraph goes in only when staff insert it. */
  reference?: PlanReference | null;
  onChange(doc: ReportDocument): void;
  onFigure(key: string): void;
}

/** Inserts a figure at the caret of the last focused paragraph: a live fact (value) or a hand-typed number. */
function Toolbar({
  target,
  available,
  onAddFigure,
}: {
  target: InsertTarget | null;
  available: Figure[];
  onAddFigure(f: Figure): void;
}) {
  const [key, setKey] = useState('');
  const [manual, setManual] = useState('');
  const groups = useMemo(() => {
    const m = new Map<string, Figure[]>();
    for (const f of available) m.set(f.area ?? 'other', [...(m.get(f.area ?? 'other') ?? []), f]);
    return [...m];
  }, [available]);
  const chosen = available.find((f) => f.key === key);
  return (
    <Card size="small" style={{ position: 'sticky', top: 0, zIndex: 5, marginBottom: 12 }}>
      <Flex gap={8} wrap align="center">
        <Typography.Text>
          {target ? `插入到：${target.label}` : '先点击要插入数据的段落'}
        </Typography.Text>
        <select
          aria-label="选择数据项"
          value={key}
          onChange={(e) => setKey(e.target.value)}
          style={{ maxWidth: 360, height: 32 }}
        >
          <option value="">选择数据项…</option>
          {groups.map(([area, fs]) => (
            <optgroup key={area} label={AREA_LABELS[area] ?? area}>
              {fs.map((f) => (
                <option
                  key={f.key}
                  value={f.key}
                >{`${f.label}：${formatValue(f.value)}${f.unit}`}</option>
              ))}
            </optgroup>
          ))}
        </select>
        <Button
          disabled={!target || !chosen}
          onClick={() => {
            onAddFigure(chosen!);
            target!.insert({ t: 'fact', key: chosen!.key, form: 'value' });
          }}
        >
          插入数字
        </Button>
        <Button
          disabled={!target || !chosen}
          onClick={() => {
            onAddFigure(chosen!);
            target!.insert({ t: 'fact', key: chosen!.key, form: 'sentence' });
          }}
        >
          插入整句
        </Button>
        <Input
          aria-label="人工录入的数字"
          placeholder="人工录入数字"
          value={manual}
          onChange={(e) => setManual(e.target.value)}
          style={{ width: 130 }}
          maxLength={40}
        />
        <Button
          disabled={!target || !manual.trim()}
          onClick={() => {
            target!.insert({ t: 'manual', text: manual.trim() });
            setManual('');
          }}
        >
          插入人工数字
        </Button>
      </Flex>
    </Card>
  );
}

/** Last year's plans beside part (四): read, and insert a paragraph as the start of one of this year's. */
function PlanReferenceCard({
  reference,
  onInsert,
}: {
  reference: PlanReference;
  onInsert(p: PlanReference['paragraphs'][number]): void;
}) {
  return (
    <Card
      size="small"
      title={`参考：${reference.year}年度报告所列安排`}
      style={{ width: 320, flexShrink: 0 }}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        上一年度的安排不是本年度报告的内容；需要时插入后按本年度情况改写。
      </Typography.Paragraph>
      {reference.paragraphs.map((p, i) => (
        <div key={i} style={{ marginBottom: 8 }}>
          <Typography.Paragraph
            style={{ marginBottom: 4, fontWeight: p.kind === 'h2' ? 600 : undefined }}
          >
            {p.text}
          </Typography.Paragraph>
          <Button
            size="small"
            icon={<PlusOutlined />}
            aria-label={`插入参考第${i + 1}段`}
            onClick={() => onInsert(p)}
          >
            插入
          </Button>
        </div>
      ))}
    </Card>
  );
}

export function DocumentEditor({
  doc,
  figures,
  available,
  editable,
  reference,
  onChange,
  onFigure,
}: Props) {
  const [target, setTarget] = useState<InsertTarget | null>(null);
  const [extra, setExtra] = useState<Record<string, ShownFigure>>({});
  const shown = useMemo(() => ({ ...extra, ...figures }), [extra, figures]);
  const setBlocks = (part: number, blocks: Block[]) =>
    onChange(
      part < 0
        ? { ...doc, preface: blocks }
        : { ...doc, parts: doc.parts.map((p, i) => (i === part ? { ...p, blocks } : p)) },
    );
  const renderBlocks = (part: number, blocks: Block[], partLabel: string) => {
    let h2 = 0;
    return blocks.map((b, bi) => {
      const prefix = b.kind === 'h2' ? `（${cnNumber(++h2)}）` : undefined;
      const update = (inlines: Inline[]) =>
        setBlocks(
          part,
          blocks.map((x, k) => (k === bi ? { ...x, inlines } : x)),
        );
      return (
        <Flex key={b.id} gap={4} align="start">
          <div style={{ flex: 1, minWidth: 0 }}>
            <ParagraphEditor
              block={b}
              prefix={prefix}
              label={`${partLabel}第${bi + 1}段${b.kind === 'h2' ? '（小标题）' : ''}`}
              figures={shown}
              editable={editable}
              onChange={update}
              onFigure={onFigure}
              onFocusTarget={setTarget}
            />
          </div>
          {editable && (
            <Button
              type="text"
              size="small"
              icon={<DeleteOutlined />}
              aria-label={`删除${partLabel}第${bi + 1}段`}
              onClick={() =>
                setBlocks(
                  part,
                  blocks.filter((_, k) => k !== bi),
                )
              }
            />
          )}
        </Flex>
      );
    });
  };
  const adders = (part: number, blocks: Block[], partLabel: string) =>
    editable && (
      <Space size="small" style={{ marginLeft: '2em' }}>
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => setBlocks(part, [...blocks, { id: blockId(), kind: 'p', inlines: [] }])}
        >{`${partLabel}添加段落`}</Button>
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() => setBlocks(part, [...blocks, { id: blockId(), kind: 'h2', inlines: [] }])}
        >{`${partLabel}添加小标题`}</Button>
      </Space>
    );

  return (
    <>
      {editable && (
        <Toolbar
          target={target}
          available={available}
          onAddFigure={(f) => setExtra((x) => ({ ...x, [f.key]: f }))}
        />
      )}
      <article className="report-doc" aria-label="报告正文">
        {editable ? (
          <Input
            aria-label="报告标题"
            value={doc.title}
            onChange={(e) => onChange({ ...doc, title: e.target.value })}
            style={{ fontSize: 20, textAlign: 'center', fontWeight: 600 }}
          />
        ) : (
          <h2 style={{ textAlign: 'center', fontSize: 22 }}>{doc.title}</h2>
        )}
        {renderBlocks(-1, doc.preface, '导语')}
        {adders(-1, doc.preface, '导语')}
        {doc.parts.map((p, pi) => {
          const partLabel = `第${cnNumber(pi + 1)}部分`;
          return (
            <section key={p.code} aria-label={`${cnNumber(pi + 1)}、${p.heading}`}>
              {editable ? (
                <Flex gap={4} align="center" style={{ margin: '24px 0 8px' }}>
                  <strong>{`${cnNumber(pi + 1)}、`}</strong>
                  <Input
                    aria-label={`${partLabel}标题`}
                    value={p.heading}
                    onChange={(e) =>
                      onChange({
                        ...doc,
                        parts: doc.parts.map((x, i) =>
                          i === pi ? { ...x, heading: e.target.value } : x,
                        ),
                      })
                    }
                  />
                </Flex>
              ) : (
                <h2 className="part-heading">{`${cnNumber(pi + 1)}、${p.heading}`}</h2>
              )}
              {editable && reference && p.code === 'plans' ? (
                <Flex gap={16} align="start">
                  <div style={{ flex: 1, minWidth: 0 }}>
                    {renderBlocks(pi, p.blocks, partLabel)}
                    {adders(pi, p.blocks, partLabel)}
                  </div>
                  <PlanReferenceCard
                    reference={reference}
                    onInsert={(x) =>
                      setBlocks(pi, [
                        ...p.blocks,
                        { id: blockId(), kind: x.kind, inlines: [{ t: 'text', text: x.text }] },
                      ])
                    }
                  />
                </Flex>
              ) : (
                <>
                  {renderBlocks(pi, p.blocks, partLabel)}
                  {adders(pi, p.blocks, partLabel)}
                </>
              )}
            </section>
          );
        })}
      </article>
    </>
  );
}
