import { useState } from 'react';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { dateTime } from '../lib/format.ts';
import { StepModal } from './StepModal.tsx';
import { filled } from '../lib/forms.ts';
import type { DecisionPayload } from './types.ts';

const h2 = (t: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{t}</h2>;
// Dark text on light tints: antd's preset tag colours fail axe's contrast check.
const OK = { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' };
const MISSING = { color: '#7a4100', background: '#fff7e6', borderColor: '#ffc069' };

/** 条例第二十九条: what goes to the meeting with the draft, and whether it is on file. */
export function MaterialsCard({ data }: { data: DecisionPayload }) {
  return (
    <Card title={h2('提请集体讨论的材料（条例第二十九条）')}>
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={data.materials}
        columns={[
          { title: '材料', dataIndex: 'label' },
          {
            title: '是否适用',
            dataIndex: 'required',
            render: (r: boolean) => (r ? '适用' : '不适用'),
            width: 90,
          },
          {
            title: '状态',
            render: (_, m) => (
              <Tag style={m.present ? OK : m.required ? MISSING : undefined}>
                {m.present ? '齐备' : m.required ? '缺' : '—'}
              </Tag>
            ),
            width: 80,
          },
          { title: '说明', dataIndex: 'note' },
        ]}
      />
    </Card>
  );
}

type Comment = NonNullable<DecisionPayload['consultation']>['comments'][number];

/** 公开征求意见 on the portal and each comment's disposition (the consultation component's records). */
export function CommentsCard({
  data,
  onDispose,
}: {
  data: DecisionPayload;
  onDispose: (commentId: string, v: Record<string, unknown>) => Promise<void>;
}) {
  const c = data.consultation!;
  const [target, setTarget] = useState<Comment | null>(null);
  return (
    <Card title={h2('向社会公开征求意见')}>
      <Typography.Paragraph>
        征求意见期限：{c.startOn} 至 {c.endOn}
        {c.shortenedReason ? `（缩短期限的理由：${c.shortenedReason}）` : ''}
        {c.closedOn ? `，已于${c.closedOn}结束` : ''}。
        {c.reportPublishedOn ? `意见采纳情况已于${c.reportPublishedOn}公布。` : ''}
      </Typography.Paragraph>
      <Typography.Paragraph>{c.report.summary}</Typography.Paragraph>
      <Table<Comment>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={c.comments}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 60 },
          { title: '意见', dataIndex: 'body' },
          {
            title: '提出人及联系方式（不公开）',
            render: (_, r) => [r.authorName, r.contact].filter(Boolean).join(' / ') || '匿名',
          },
          {
            title: '处理意见',
            render: (_, r) =>
              r.disposition ? (
                `${c.dispositions.find((x) => x.value === r.disposition)?.label}${r.reason ? `：${r.reason}` : ''}`
              ) : data.abilities.dispose ? (
                <Button onClick={() => setTarget(r)}>处理第{r.seq}条意见</Button>
              ) : (
                '待处理'
              ),
          },
        ]}
      />
      {target && (
        <StepModal
          title={`处理第${target.seq}条意见`}
          files={false}
          fields={data.forms.disposition}
          onClose={() => setTarget(null)}
          onSubmit={async (v) => {
            await onDispose(target.id, v);
            setTarget(null);
          }}
        />
      )}
    </Card>
  );
}

type Evidence = DecisionPayload['evidence'][number];

/** 决策过程记录和材料: numbered, only ever added to; corrections name what they correct. */
export function EvidenceCard({
  data,
  onAdd,
}: {
  data: DecisionPayload;
  onAdd: (body: Record<string, unknown>) => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  const named = data.evidence.filter((e) => e.title);
  return (
    <Card
      title={h2('决策过程材料')}
      extra={
        data.abilities.addEvidence ? (
          <Button onClick={() => setOpen(true)}>补充或更正材料</Button>
        ) : null
      }
    >
      <Table<Evidence>
        rowKey="id"
        size="small"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={named}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 60 },
          {
            title: '材料',
            render: (_, e) =>
              e.fileId ? (
                <a href={`/api/files/${e.fileId}`} style={{ textDecoration: 'underline' }}>
                  {e.title}：{e.fileName}
                </a>
              ) : (
                e.title
              ),
          },
          { title: '添加', render: (_, e) => `${e.addedByName}，${dateTime(e.addedAt)}` },
          { title: '审计序号', dataIndex: 'auditSeq', width: 90 },
          {
            title: '备注',
            render: (_, e) =>
              [
                e.afterDecision ? '决策后补充' : '',
                e.supersedesId ? `更正：${e.note ?? ''}` : '',
                e.superseded ? '已被更正' : '',
              ]
                .filter(Boolean)
                .join('；'),
          },
        ]}
      />
      {open && (
        <StepModal
          title="补充或更正材料"
          fields={filled(data.forms.evidence, {
            initial: { kind: 'other' },
            options: {
              supersedesId: named.map((e) => ({ value: e.id, label: `第${e.seq}项 ${e.title}` })),
            },
          })}
          onClose={() => setOpen(false)}
          onSubmit={async (v, fileIds) => {
            await onAdd({ ...v, fileIds });
            setOpen(false);
          }}
        />
      )}
    </Card>
  );
}
