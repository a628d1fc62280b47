import { useState } from 'react';
import { App, Button, Card, Input, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { get, post } from '../lib/api.ts';
import { useCurrentSession } from '../lib/session.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { NativeSelect } from '../documents/NativeSelect.tsx';
import { StepModal } from '../decisions/StepModal.tsx';
import { useLabels } from '../lib/labels.ts';
import { useForms } from '../lib/forms.ts';
import type { TicketItem, TicketPayload } from './types.ts';

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 6 }, (_, i) => ({
  value: String(thisYear - i),
  label: `${thisYear - i}年`,
}));

/** 12345 tickets and 网民留言 of the department, with filters; the citizen's data masked unless the reader handles the ticket. */
export default function TicketsPage() {
  const session = useCurrentSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [year, setYear] = useState('');
  const [kind, setKind] = useState('');
  const [channel, setChannel] = useState('');
  const [status, setStatus] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const filters = {
    year: year || undefined,
    kind: kind || undefined,
    channel: channel || undefined,
    status: status || undefined,
    q: q || undefined,
  };
  const { data, isPending } = useQuery({
    queryKey: ['hotline', filters, page],
    queryFn: () =>
      get<{ total: number; items: TicketItem[] }>('/api/hotline/tickets', {
        ...filters,
        page,
        pageSize: 20,
      }),
  });
  const labels = useLabels('hotline');
  const { fields } = useForms('hotline');
  const reset = () => setPage(1);
  return (
    <>
      <PageHeader
        title="12345热线工单与网民留言"
        extra={
          session.abilities.hotlineIntake ? (
            <Space>
              <Link to="/hotline/import">导入工单</Link>
              <Button type="primary" onClick={() => setOpen(true)}>
                录入工单
              </Button>
            </Space>
          ) : null
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <NativeSelect
            ariaLabel="年度"
            placeholder="全部年度"
            width={120}
            options={YEARS}
            value={year}
            onChange={(e) => {
              setYear(e.target.value);
              reset();
            }}
          />
          <NativeSelect
            ariaLabel="诉求类型"
            placeholder="全部类型"
            width={120}
            options={labels.choices('kinds')}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value);
              reset();
            }}
          />
          <NativeSelect
            ariaLabel="来源渠道"
            placeholder="全部渠道"
            width={140}
            options={labels.choices('channels')}
            value={channel}
            onChange={(e) => {
              setChannel(e.target.value);
              reset();
            }}
          />
          <NativeSelect
            ariaLabel="办理状态"
            placeholder="全部状态"
            width={140}
            options={labels.choices('statuses')}
            value={status}
            onChange={(e) => {
              setStatus(e.target.value);
              reset();
            }}
          />
          <Input.Search
            aria-label="工单编号或标题"
            placeholder="工单编号或标题"
            allowClear
            style={{ width: 220 }}
            onSearch={(v) => {
              setQ(v);
              reset();
            }}
          />
        </Space>
        <Table<TicketItem>
          rowKey="id"
          loading={isPending}
          dataSource={data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 20,
            total: data?.total ?? 0,
            onChange: setPage,
            showTotal: (n) => `共 ${n} 件`,
          }}
          columns={[
            { title: '工单编号', dataIndex: 'ticketNo' },
            {
              title: '标题',
              dataIndex: 'title',
              render: (t: string, r) => <Link to={`/hotline/${r.id}`}>{t}</Link>,
            },
            { title: '类型', dataIndex: 'kindLabel' },
            { title: '渠道', dataIndex: 'channelLabel' },
            {
              title: '诉求人',
              render: (_, r) => [r.citizenName, r.citizenPhone].filter(Boolean).join(' ') || '—',
            },
            { title: '受理日期', dataIndex: 'receivedOn' },
            { title: '办理时限', dataIndex: 'dueOn' },
            { title: '承办科室', dataIndex: 'orgName' },
            {
              title: '状态',
              render: (_, r) => (
                <Space size={4}>
                  <Tag>{r.statusLabel}</Tag>
                  {r.late ? <Tag color="red">超期答复</Tag> : null}
                  {r.satisfactionLabel ? <Tag>{r.satisfactionLabel}</Tag> : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {open && (
        <StepModal
          title="录入工单"
          files={false}
          fields={fields('create', { initial: { channel: 'phone', kind: 'consult' } })}
          onClose={() => setOpen(false)}
          onSubmit={async (v) => {
            const res = await post<TicketPayload>('/api/hotline/tickets', v);
            void client.invalidateQueries({ queryKey: ['hotline'] });
            message.success(`已录入工单${res.ticket.ticketNo}`);
            navigate(`/hotline/${res.ticket.id}`);
          }}
        />
      )}
    </>
  );
}
