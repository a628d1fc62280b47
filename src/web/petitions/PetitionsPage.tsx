import { useState } from 'react';
import { App, Button, Card, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { get, post } from '../lib/api.ts';
import { useCurrentSession } from '../lib/session.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { StepModal } from '../decisions/StepModal.tsx';
import { rememberToday, today } from './CaseSteps.tsx';
import { useForms } from '../lib/forms.ts';
import { CATEGORIES, CHANNELS, label, type Petition, type PetitionPayload } from './types.ts';

/** 信访事项: registration from any channel and the list of matters the user may read. */
export default function PetitionsPage() {
  const session = useCurrentSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  // The registration form as the server declares it (modules/petitions/forms.ts).
  const { fields, isPending: formsPending } = useForms('petitions');
  const { data, isPending } = useQuery({
    queryKey: ['petitions', page],
    queryFn: () =>
      get<{ total: number; items: Petition[]; today?: string }>('/api/petitions', {
        page,
        pageSize: 20,
      }),
  });
  rememberToday(data?.today);
  return (
    <>
      <PageHeader
        title="信访事项"
        extra={
          session.abilities.petitionRegister ? (
            <Button type="primary" disabled={formsPending} onClick={() => setOpen(true)}>
              登记信访事项
            </Button>
          ) : null
        }
      />
      <Card>
        <Table<Petition>
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
              title: '编号',
              dataIndex: 'number',
              render: (t: string, r) => <Link to={`/petitions/${r.id}`}>{t}</Link>,
            },
            { title: '收到日期', dataIndex: 'receivedOn' },
            { title: '渠道', render: (_, r) => label(CHANNELS, r.channel) },
            { title: '信访人', dataIndex: 'petitionerName' },
            { title: '类别', render: (_, r) => label(CATEGORIES, r.category) },
            {
              title: '状态',
              render: (_, r) => (
                <Tag>
                  {r.answeredOn ? '已出具处理意见书' : r.noticeOn ? '办理中' : '待告知受理'}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
      {open && (
        <StepModal
          title="登记信访事项"
          files={false}
          fields={fields('register', {
            initial: { channel: 'letter', source: 'direct', receivedOn: today() },
          })}
          onClose={() => setOpen(false)}
          onSubmit={async ({ name, phone, idNumber, address, ...v }) => {
            const res = await post<PetitionPayload>('/api/petitions', {
              ...v,
              petitioner: { name, phone, idNumber, address },
            });
            message.success(`已登记信访事项${res.petition?.number ?? ''}`);
            navigate(`/petitions/${res.petition?.id}`);
          }}
        />
      )}
    </>
  );
}
