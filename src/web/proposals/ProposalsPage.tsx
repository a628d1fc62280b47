import { useState } from 'react';
import { App, Button, Card, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { get, post } from '../lib/api.ts';
import { useCurrentSession } from '../lib/session.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { StepModal } from '../decisions/StepModal.tsx';
import { rememberToday, today, type Options } from '../petitions/CaseSteps.tsx';
import { KINDS, kindLabel, type Proposal, type ProposalPayload } from './types.ts';

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
          fields={[
            {
              name: 'kind',
              label: '类别',
              type: 'select',
              required: true,
              options: KINDS,
              initial: 'deputy',
            },
            { name: 'number', label: '建议提案编号', required: true },
            { name: 'title', label: '标题', required: true },
            { name: 'proposer', label: '代表委员', required: true },
            { name: 'proposerContact', label: '代表委员联系方式', help: '仅供办理联系，不公开' },
            {
              name: 'assignedBy',
              label: '交办机关',
              required: true,
              initial: '市人大常委会代表工作室',
            },
            {
              name: 'assignedOn',
              label: '交办日期',
              type: 'date',
              required: true,
              initial: today(),
            },
            { name: 'leadOrgId', label: '主办单位', type: 'select', required: true, options: orgs },
            { name: 'coOrgId', label: '协办单位', type: 'select', options: orgs },
            { name: 'content', label: '建议提案内容', type: 'textarea' },
          ]}
          onClose={() => setOpen(false)}
          onSubmit={async ({ coOrgId, ...v }) => {
            const res = await post<ProposalPayload>('/api/proposals', {
              ...v,
              coOrgIds: coOrgId ? [coOrgId] : [],
            });
            message.success('已登记交办');
            navigate(`/proposals/${res.proposal.id}`);
          }}
        />
      )}
    </>
  );
}
