import { useState } from 'react';
import { App, Button, Card, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { get, post } from '../lib/api.ts';
import { useCurrentSession } from '../lib/session.ts';
import { useTitle } from '../lib/useTitle.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { StepModal, bool } from '../decisions/StepModal.tsx';
import { useForms } from '../lib/forms.ts';
import type { PenaltyItem, PenaltyPayload } from './types.ts';

const num = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : Number(v));

/** 行政处罚 cases: the list the actor may see, 立案 and 当场处罚 (简易程序). */
export default function PenaltiesPage() {
  useTitle('行政处罚');
  const session = useCurrentSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<'open' | 'summary' | null>(null);
  const { data, isPending } = useQuery({
    queryKey: ['penalties', page],
    queryFn: () =>
      get<{ total: number; items: PenaltyItem[] }>('/api/penalties', { page, pageSize: 20 }),
  });
  const officers = useQuery({
    queryKey: ['penalty-officers'],
    enabled: !!dialog,
    queryFn: () =>
      get<{ items: Array<{ id: string; name: string; certificateNo: string }> }>(
        '/api/penalties/officers',
      ),
  });
  const officerOptions = (officers.data?.items ?? []).map((o) => ({
    value: o.id,
    label: `${o.name}（${o.certificateNo}）`,
  }));
  // 立案 and 当场处罚 as the server declares them (GET /api/penalties/forms).
  const { fields } = useForms('penalties');
  const options = { officer1: officerOptions, officer2: officerOptions };
  const done = async (res: PenaltyPayload, text: string) => {
    void client.invalidateQueries({ queryKey: ['penalties'] });
    message.success(text);
    navigate(`/penalties/${res.penalty.id}`);
  };
  return (
    <>
      <PageHeader
        title="行政处罚"
        extra={
          <Space>
            <Link to="/penalties/statistics">年度行政执法统计</Link>
            {session.abilities.openPenalty ? (
              <>
                <Button onClick={() => setDialog('summary')}>当场处罚</Button>
                <Button type="primary" onClick={() => setDialog('open')}>
                  立案
                </Button>
              </>
            ) : null}
          </Space>
        }
      />
      <Card>
        <Table<PenaltyItem>
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
            {
              title: '案号',
              dataIndex: 'caseNo',
              render: (t: string, r) => <Link to={`/penalties/${r.id}`}>{t}</Link>,
            },
            { title: '案件名称', dataIndex: 'title' },
            { title: '程序', dataIndex: 'modeLabel' },
            { title: '立案日期', dataIndex: 'openedOn' },
            { title: '决定书文号', render: (_, r) => r.decisionNo ?? '—' },
            { title: '状态', render: (_, r) => <Tag>{r.statusLabel}</Tag> },
            {
              title: '公开',
              render: (_, r) =>
                r.withdrawnOn ? '已撤回' : r.publishedOn ? `已公开（${r.publishedOn}）` : '—',
            },
          ]}
        />
      </Card>
      {dialog === 'open' && (
        <StepModal
          title="立案"
          files={false}
          fields={fields('open', {
            initial: { partyKind: 'organisation', major: 'false' },
            options,
          })}
          onClose={() => setDialog(null)}
          onSubmit={async (v) => {
            const { officer1, officer2, major, ...rest } = v;
            const res = await post<PenaltyPayload>('/api/penalties', {
              ...rest,
              major: bool(major),
              officerIds: [officer1, officer2].filter(Boolean),
            });
            await done(res, `已立案：${res.penalty.caseNo}`);
          }}
        />
      )}
      {dialog === 'summary' && (
        <StepModal
          title="当场处罚（简易程序）"
          files={false}
          fields={fields('summary', {
            initial: { partyKind: 'individual', type: 'fine' },
            options,
          })}
          onClose={() => setDialog(null)}
          onSubmit={async (v) => {
            const { officer1, officer2, type, fineAmount, ...rest } = v;
            const res = await post<PenaltyPayload>('/api/penalties/summary', {
              ...rest,
              types: [type],
              fineAmount: num(fineAmount),
              officerIds: [officer1, officer2].filter(Boolean),
            });
            await done(res, `已当场处罚：${res.penalty.caseNo}`);
          }}
        />
      )}
    </>
  );
}
