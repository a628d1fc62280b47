import { useState } from 'react';
import { App, Button, Card, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { get, post } from '../lib/api.ts';
import { useCurrentSession } from '../lib/session.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { NativeSelect } from '../documents/NativeSelect.tsx';
import { ActForm } from '../lib/ActForm.tsx';
import { useForms } from '../lib/forms.ts';
import type { MeetingItem, MeetingPayload } from './types.ts';

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 10 }, (_, i) => ({
  value: String(thisYear - i),
  label: `${thisYear - i}年`,
}));

/** 局长办公会 / 党组会: sessions, their agendas and whether public representatives attended. */
export default function MeetingsPage() {
  const session = useCurrentSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [year, setYear] = useState(String(thisYear));
  const [kind, setKind] = useState('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  // 安排会议 as the server declares it; its 会议类型 options are the list's filter too.
  const { fields } = useForms('meetings');
  const create = fields('create', { initial: { kind: 'directorsOffice' } });
  const kinds = create.find((f) => f.name === 'kind')?.options ?? [];
  const filters = { year: year || undefined, kind: kind || undefined };
  const { data, isPending } = useQuery({
    queryKey: ['meetings', filters, page],
    queryFn: () =>
      get<{ total: number; items: MeetingItem[] }>('/api/meetings', {
        ...filters,
        page,
        pageSize: 20,
      }),
  });
  return (
    <>
      <PageHeader
        title="局长办公会和党组会议题"
        extra={
          session.abilities.manageMeetings ? (
            <Button type="primary" onClick={() => setOpen(true)}>
              安排会议
            </Button>
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
              setPage(1);
            }}
          />
          <NativeSelect
            ariaLabel="会议类型"
            placeholder="全部会议"
            width={140}
            options={[...kinds]}
            value={kind}
            onChange={(e) => {
              setKind(e.target.value);
              setPage(1);
            }}
          />
        </Space>
        <Table<MeetingItem>
          rowKey="id"
          loading={isPending}
          dataSource={data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 20,
            total: data?.total ?? 0,
            onChange: setPage,
            showTotal: (n) => `共 ${n} 次`,
          }}
          columns={[
            {
              title: '会议',
              dataIndex: 'name',
              render: (t: string, r) => <Link to={`/meetings/${r.id}`}>{t}</Link>,
            },
            { title: '日期', dataIndex: 'meetingOn' },
            { title: '议题', render: (_, r) => r.agenda.map((a) => a.title).join('；') || '—' },
            {
              title: '列席公众代表',
              render: (_, r) => (r.publicAttendees.length ? `${r.publicAttendees.length}人` : '—'),
            },
            {
              title: '状态',
              render: (_, r) => <Tag>{r.status === 'held' ? '已召开' : '待召开'}</Tag>,
            },
          ]}
        />
      </Card>
      {open && create.length > 0 && (
        <ActForm
          title="安排会议"
          fields={create}
          onClose={() => setOpen(false)}
          onSubmit={async (v) => {
            const res = await post<MeetingPayload>('/api/meetings', v);
            void client.invalidateQueries({ queryKey: ['meetings'] });
            message.success(`已安排${res.meeting.name}`);
            navigate(`/meetings/${res.meeting.id}`);
          }}
        />
      )}
    </>
  );
}
