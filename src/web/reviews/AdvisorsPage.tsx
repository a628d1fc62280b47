import { useState } from 'react';
import { App, Button, Card, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post, put } from '../lib/api.ts';
import { useCurrentSession } from '../lib/session.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { ActForm, FieldItem, type FormField } from '../lib/ActForm.tsx';
import { useForms } from '../lib/forms.ts';
import { LimitsCard } from './LimitsCard.tsx';
import type { Advisor, Candidates } from './types.ts';

// How the register's form draws the served fields: the term's two dates side by side, the note
// from two rows on.
function AdvisorFields({ fields }: { fields: FormField[] }) {
  const item = (f: FormField) => (
    <FieldItem
      key={f.name}
      field={f}
      fields={fields}
      extra={f.name === 'note' ? { props: { autoSize: { minRows: 2 } } } : undefined}
    />
  );
  const term = fields.filter((f) => f.name === 'termStart' || f.name === 'termEnd');
  const at = fields.indexOf(term[0]);
  const rest = fields.filter((f) => !term.includes(f));
  return (
    <>
      {rest.slice(0, at < 0 ? rest.length : at).map(item)}
      {term.length > 0 && <Space wrap>{term.map(item)}</Space>}
      {at >= 0 && rest.slice(at).map(item)}
    </>
  );
}

/** 法律顾问 / 公职律师 registry (the legal office keeps it; leaders read it) and the review time limits. */
export default function AdvisorsPage() {
  const { abilities } = useCurrentSession();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Advisor | 'new' | null>(null);
  const { data, isPending } = useQuery({
    queryKey: ['legal-advisors'],
    queryFn: () => get<{ items: Advisor[] }>('/api/legal-advisors'),
  });
  const manage = !!abilities.manageReviews;
  const reviewers = useQuery({
    queryKey: ['reviews', 'reviewers'],
    queryFn: () => get<Candidates>('/api/reviews/reviewers'),
    enabled: manage,
  });
  const { fields } = useForms('reviews');
  const accounts =
    reviewers.data?.accounts.map((u) => ({ value: u.id, label: `${u.name}（${u.username}）` })) ??
    [];
  async function save(v: Record<string, unknown>) {
    const body = { ...v, userId: v.userId || null };
    if (editing === 'new') await post('/api/legal-advisors', body);
    else if (editing) await put(`/api/legal-advisors/${editing.id}`, body);
    await client.invalidateQueries({ queryKey: ['legal-advisors'] });
    void client.invalidateQueries({ queryKey: ['reviews', 'reviewers'] });
    setEditing(null);
    message.success('已保存');
  }
  const initial =
    editing && editing !== 'new'
      ? { ...editing, userId: editing.userId ?? '' }
      : { kind: 'external' };
  return (
    <>
      <PageHeader
        title="法律顾问名册"
        subTitle="法律顾问、公职律师的执业信息与聘任期限；分派审查时只能选择聘任期内的人员"
        extra={
          manage && (
            <Button type="primary" onClick={() => setEditing('new')}>
              新增法律顾问
            </Button>
          )
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Table<Advisor>
            rowKey="id"
            loading={isPending}
            dataSource={data?.items ?? []}
            pagination={false}
            columns={[
              { title: '姓名', dataIndex: 'name' },
              { title: '类别', dataIndex: 'kindLabel' },
              { title: '律师事务所或单位职务', dataIndex: 'affiliation' },
              { title: '执业证号', dataIndex: 'licenceNumber' },
              {
                title: '聘任期限',
                render: (_, r) => (
                  <>
                    {`${r.termStart} 至 ${r.termEnd}`}
                    {!r.inTerm && <Tag style={{ marginInlineStart: 8 }}>不在聘任期</Tag>}
                  </>
                ),
              },
              { title: '登录账号', render: (_, r) => r.username ?? '未开通' },
              { title: '审查事项', dataIndex: 'matters' },
              { title: '法审意见', dataIndex: 'opinions' },
              ...(manage
                ? [
                    {
                      title: '操作',
                      render: (_: unknown, r: Advisor) => (
                        <Button
                          size="small"
                          onClick={() => setEditing(r)}
                        >{`编辑${r.name}`}</Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
        {manage && <LimitsCard />}
      </Space>
      {editing && (
        <ActForm
          title={editing === 'new' ? '新增法律顾问' : `编辑：${editing.name}`}
          onClose={() => setEditing(null)}
          onSubmit={save}
          initialValues={initial}
        >
          {() => <AdvisorFields fields={fields('advisor', { options: { userId: accounts } })} />}
        </ActForm>
      )}
    </>
  );
}
