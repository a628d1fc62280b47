import { useState } from 'react';
import { App, Button, Card, Form, Input, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post, put } from '../lib/api.ts';
import { DateField } from '../lib/DateField.tsx';
import { DATE } from '../lib/format.ts';
import { useCurrentSession } from '../lib/session.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { ActForm } from '../lib/ActForm.tsx';
import { NativeSelect } from './NativeSelect.tsx';
import { LimitsCard } from './LimitsCard.tsx';
import { useLabels } from '../lib/labels.ts';
import type { Advisor, Candidates } from './types.ts';

const need = (label: string) => [{ required: true, message: `请填写${label}` }];

/** 法律顾问 / 公职律师 registry (the legal office keeps it; leaders read it) and the review time limits. */
export default function AdvisorsPage() {
  const labels = useLabels('reviews');
  const { abilities } = useCurrentSession();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Advisor | 'new' | null>(null);
  const { data, isPending } = useQuery({
    queryKey: ['legal-advisors'],
    queryFn: () => get<{ items: Advisor[] }>('/api/legal-advisors'),
  });
  const manage = !!abilities.manageReviews;
  const accounts = useQuery({
    queryKey: ['reviews', 'reviewers'],
    queryFn: () => get<Candidates>('/api/reviews/reviewers'),
    enabled: manage,
  });
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
          {() => (
            <>
              <Form.Item
                label="类别"
                name="kind"
                rules={[{ required: true, message: '请选择类别' }]}
              >
                <NativeSelect options={labels.choices('advisorKinds')} />
              </Form.Item>
              <Form.Item label="姓名" name="name" rules={need('姓名')}>
                <Input maxLength={50} />
              </Form.Item>
              <Form.Item
                label="律师事务所或单位职务"
                name="affiliation"
                rules={need('律师事务所或单位职务')}
              >
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item label="执业证号" name="licenceNumber" rules={need('执业证号')}>
                <Input maxLength={30} />
              </Form.Item>
              <Space wrap>
                <Form.Item label="聘任起始日期" name="termStart" rules={need('聘任起始日期')}>
                  <DateField />
                </Form.Item>
                <Form.Item label="聘任截止日期" name="termEnd" rules={need('聘任截止日期')}>
                  <DateField />
                </Form.Item>
              </Space>
              <Form.Item
                label="登录账号"
                name="userId"
                extra="开通账号的法律顾问可自行提出意见，只能看到分派给本人的事项"
              >
                <NativeSelect
                  placeholder="未开通"
                  options={
                    accounts.data?.accounts.map((u) => ({
                      value: u.id,
                      label: `${u.name}（${u.username}）`,
                    })) ?? []
                  }
                />
              </Form.Item>
              <Form.Item label="联系电话" name="phone">
                <Input maxLength={30} />
              </Form.Item>
              <Form.Item label="备注" name="note">
                <Input.TextArea autoSize={{ minRows: 2 }} />
              </Form.Item>
            </>
          )}
        </ActForm>
      )}
    </>
  );
}
