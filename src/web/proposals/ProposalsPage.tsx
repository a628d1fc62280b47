import { useState } from 'react';
import { App, Button, Card, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { get, post } from '../lib/api.ts';
import { useCurrentSession } from '../lib/session.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { StepModal } from '../decisions/StepModal.tsx';
import { rememberToday, today, type Options } from '../petitions/CaseSteps.tsx';
import { useKindLabel, type Proposal, type ProposalPayload } from './types.ts';
import { useForms } from '../lib/forms.ts';

/** 人大代表建议 / 政协提案: assignment from the 人大/政协 office and the list of items in hand. */
export default function ProposalsPage() {
  const session = useCurrentSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const { data, isPending } = useQuery({
    queryKey: ['proposals', page],
    queryFn: () =>
      get<{ total: number; items: Proposal[]; today?: string }>('/api/proposals', {
        page,
        pageSize: 20,
      }),
  });
  const { data: opts } = useQuery({
    queryKey: ['petition-options'],
    queryFn: () => get<Options>('/api/petitions/options'),
    enabled: open,
  });
  const orgs = (opts?.orgs ?? []).map((o) => ({ value: o.id, label: o.name }));
  const { fields } = useForms('proposals');
  const kindLabel = useKindLabel();
  rememberToday(data?.today);
  return (
    <>
      <PageHeader
        title="建议提案办理"
        extra={
          session.abilities.proposalAssign ? (
            <Button type="primary" onClick={() => setOpen(true)}>
              登记交办
            </Button>
          ) : null
        }
      />
      <Card>
        <Table<Proposal>
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
            { title: '类别', render: (_, r) => kindLabel(r.kind) },
            { title: '编号', dataIndex: 'number' },
            {
              title: '标题',
              dataIndex: 'title',
              render: (t: string, r) => <Link to={`/proposals/${r.id}`}>{t}</Link>,
            },
            { title: '代表委员', dataIndex: 'proposer' },
            { title: '交办日期', dataIndex: 'assignedOn' },
            { title: '答复期限', dataIndex: 'dueOn' },
            {
              title: '状态',
              render: (_, r) => (
                <Tag>
                  {r.publishedOn
                    ? '已公开复文'
                    : r.repliedOn
                      ? `已答复（${r.resultCode}类）`
                      : '办理中'}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
      {open && (
        <StepModal
          title="登记交办的建议提案"
          files={false}
          fields={fields('create', {
            initial: { kind: 'deputy', assignedBy: '市人大常委会代表工作室', assignedOn: today() },
            options: { leadOrgId: orgs, coOrgId: orgs },
          })}
          onClose={() => setOpen(false)}
          onSubmit={async (v) => {
            const res = await post<ProposalPayload>('/api/proposals', v);
            message.success('已登记交办');
            navigate(`/proposals/${res.proposal.id}`);
          }}
        />
      )}
    </>
  );
}
