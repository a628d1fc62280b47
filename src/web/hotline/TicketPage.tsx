import { useState } from 'react';
import { App, Button, Card, Descriptions, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { errorMessage, get, post } from '../lib/api.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { StepModal } from '../decisions/StepModal.tsx';
import { TicketActs, type Pending } from './TicketActs.tsx';
import type { TicketPayload } from './types.ts';

const h2 = (t: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{t}</h2>;

/** One ticket: the citizen (masked unless handling), the clocks, the history and the acts the reader may do. */
export default function TicketPage() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [pending, setPending] = useState<Pending | null>(null);
  const key = ['hotline-ticket', id];
  const { data, isPending, error } = useQuery({
    queryKey: key,
    queryFn: () => get<TicketPayload>(`/api/hotline/tickets/${encodeURIComponent(id)}`),
  });
  if (isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (error || !data)
    return <Result status="error" title="无法打开该工单" subTitle={errorMessage(error)} />;
  const t = data.ticket;
  const run = async (path: string, body: unknown, label: string) => {
    const res = await post<TicketPayload | { view: TicketPayload }>(
      `/api/hotline/tickets/${id}${path}`,
      body,
    );
    client.setQueryData(key, 'view' in res ? res.view : res);
    void client.invalidateQueries({ queryKey: ['hotline'] });
    setPending(null);
    message.success(`已办理：${label}`);
  };
  return (
    <>
      <PageHeader title={t.title} subTitle={`${t.ticketNo} · ${data.statusLabel}`} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={h2('办理')} extra={<TicketActs data={data} open={setPending} />}>
          <Descriptions
            column={2}
            items={[
              { key: 'k', label: '诉求类型', children: t.kindLabel },
              { key: 'c', label: '来源渠道', children: `${t.channelLabel}（${t.sourceLabel}）` },
              { key: 'r', label: '受理日期', children: t.receivedOn },
              {
                key: 'd',
                label: '办理时限',
                children: (
                  <Space>
                    {t.dueOn}
                    {t.late ? <Tag color="red">超期答复</Tag> : null}
                  </Space>
                ),
              },
              { key: 'o', label: '主办科室', children: t.orgName || '—' },
              { key: 'co', label: '协办科室', children: t.coOrgNames.join('、') || '—' },
              {
                key: 'n',
                label: '诉求人',
                children:
                  [t.citizenName, t.citizenPhone, t.citizenIdNumber].filter(Boolean).join(' ') ||
                  '—',
              },
              { key: 'l', label: '发生地点', children: t.location || '—' },
              {
                key: 'x',
                label: '诉求内容',
                span: 2,
                children: <span style={{ whiteSpace: 'pre-wrap' }}>{t.content}</span>,
              },
              ...(t.replyText
                ? [
                    {
                      key: 'y',
                      label: `答复（${t.repliedOn}）`,
                      span: 2,
                      children: <span style={{ whiteSpace: 'pre-wrap' }}>{t.replyText}</span>,
                    },
                  ]
                : []),
              ...(t.satisfactionLabel
                ? [{ key: 's', label: '回访结果', children: t.satisfactionLabel }]
                : []),
              ...(t.publishedOn
                ? [
                    {
                      key: 'p',
                      label: `已公开（${t.publishedOn}）`,
                      span: 2,
                      children: t.publishedReply,
                    },
                  ]
                : []),
              ...(data.rating
                ? [
                    {
                      key: 'g',
                      label: '好差评',
                      children: `${data.rating.scoreLabel}${data.rating.comment ? `：${data.rating.comment}` : ''}`,
                    },
                  ]
                : []),
              ...(t.convertedTo
                ? [
                    {
                      key: 'v',
                      label: '已转入',
                      children: t.convertedTo === 'disclosure' ? '政府信息公开申请' : '信访事项',
                    },
                  ]
                : []),
            ]}
          />
          {t.personalDataMasked && (
            <Typography.Text type="secondary">诉求人个人信息仅向承办人员完整显示。</Typography.Text>
          )}
          {t.trackingCode && (
            <Typography.Paragraph type="secondary">
              查询码（供诉求人查询和评价）：{t.trackingCode}
            </Typography.Paragraph>
          )}
        </Card>
        <Card title={h2('期限')}>
          <Table
            rowKey="clock"
            size="small"
            pagination={false}
            dataSource={data.clocks.filter((c) => c.state !== 'notStarted')}
            columns={[
              { title: '期限', dataIndex: 'label' },
              { title: '届满日期', dataIndex: 'due', render: (v?: string) => v ?? '—' },
              { title: '说明', dataIndex: 'explanation' },
              {
                title: '状态',
                render: (_, c) =>
                  c.overdue ? (
                    <Tag color="red">已超期</Tag>
                  ) : c.late ? (
                    <Tag color="orange">逾期办结</Tag>
                  ) : c.state === 'stopped' ? (
                    <Tag>已完成</Tag>
                  ) : (
                    <Tag color="blue">计算中</Tag>
                  ),
              },
            ]}
          />
        </Card>
        <Card title={h2('办理记录')}>
          <Table
            rowKey="seq"
            size="small"
            pagination={false}
            dataSource={data.history}
            columns={[
              { title: '日期', dataIndex: 'on' },
              { title: '环节', dataIndex: 'label' },
              {
                title: '内容',
                render: (_, e) =>
                  Object.entries(e.data)
                    .filter(([k]) => !['signBy', 'disputeBy'].includes(k))
                    .map(
                      ([k, v]) =>
                        `${k === 'reason' ? '理由' : k === 'dueOn' ? '时限' : k === 'summary' ? '答复' : k === 'satisfaction' ? '满意度' : k === 'orgName' ? '主办' : k === 'coOrgNames' ? '协办' : k}：${String(v)}`,
                    )
                    .join('；'),
              },
            ]}
          />
        </Card>
      </Space>
      {pending && (
        <StepModal
          title={pending.title}
          fields={pending.fields}
          files={false}
          onClose={() => setPending(null)}
          onSubmit={(v) => run(pending.path, pending.body(v), pending.title)}
        />
      )}
    </>
  );
}
