import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { h2, type Pending } from './DocumentActs.tsx';
import type { DocComment, DocumentPayload } from './types.ts';
import { filled } from '../lib/forms.ts';

/** The 公开征求意见 card: the period, the report, each comment with its disposition (or the form to give it). */
export function ConsultationCard({
  data,
  ask,
}: {
  data: DocumentPayload;
  ask: (p: Pending, primary?: boolean) => ReactNode;
}) {
  const c = data.consultation;
  const a = data.abilities;
  if (!c) return null;
  return (
    <Card title={h2('公开征求意见')}>
      <Typography.Paragraph>
        征求意见期限：{c.startOn} 至 {c.endOn}
        {c.closedOn ? `（已于${c.closedOn}结束）` : ''}。
        {c.reportPublishedOn ? `意见采纳情况已于${c.reportPublishedOn}公布。` : ''}
      </Typography.Paragraph>
      <Typography.Paragraph>{c.report.summary}</Typography.Paragraph>
      <Table<DocComment>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={c.comments}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 60 },
          { title: '条款', dataIndex: 'articleLabel' },
          { title: '意见', dataIndex: 'body' },
          {
            title: '提出人及联系方式（不公开）',
            render: (_, r) => [r.authorName, r.contact].filter(Boolean).join(' / ') || '匿名',
          },
          {
            title: '处理意见',
            render: (_, r) =>
              r.disposition
                ? `${c.dispositions.find((x) => x.value === r.disposition)?.label}${r.reason ? `：${r.reason}` : ''}`
                : a.dispose
                  ? ask(
                      {
                        title: `处理第${r.seq}条意见`,
                        path: `/comments/${r.id}/disposition`,
                        fields: filled(data.forms.disposition ?? []),
                      },
                      false,
                    )
                  : '待处理',
          },
        ]}
      />
    </Card>
  );
}

/** The 备案 card: the filing's state and opinions, and the answer or review the server allows. */
export function FilingCard({ data, open }: { data: DocumentPayload; open: (p: Pending) => void }) {
  const a = data.abilities;
  const d = data.document;
  if (!data.filing) return null;
  return (
    <Card title={h2('备案')}>
      <Typography.Paragraph>
        {data.filing.statusLabel}（报送日期 {data.filing.submittedOn}，期限 {data.filing.dueOn}）
      </Typography.Paragraph>
      {data.filing.reviewOpinion && (
        <Typography.Paragraph>
          备案审查意见：{data.filing.reviewOpinion}（{data.filing.acceptedOn}）
        </Typography.Paragraph>
      )}
      {data.filing.correctionRequest && (
        <Alert
          type="warning"
          title={`纠错意见：${data.filing.correctionRequest}`}
          description={data.filing.answer ? `答复：${data.filing.answer}` : undefined}
        />
      )}
      {a.answerFiling && (
        <div style={{ marginTop: 12 }}>
          <Button
            type="primary"
            onClick={() =>
              open({
                title: '答复纠错意见',
                path: '',
                fields: filled(data.forms.answer ?? [], { initial: { correctedText: d.bodyText } }),
              })
            }
          >
            答复纠错意见
          </Button>
        </div>
      )}
      {a.reviewFiling && (
        <Space style={{ marginTop: 12 }}>
          <Button
            type="primary"
            onClick={() =>
              open({
                title: '准予备案',
                path: 'review:accept',
                fields: filled(data.forms.accept ?? []),
              })
            }
          >
            准予备案
          </Button>
          <Button
            onClick={() =>
              open({
                title: '退回纠错',
                path: 'review:return',
                fields: filled(data.forms.return ?? []),
              })
            }
          >
            退回纠错
          </Button>
        </Space>
      )}
    </Card>
  );
}
