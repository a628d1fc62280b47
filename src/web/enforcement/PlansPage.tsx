import { useState } from 'react';
import { App, Button, Card, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { get, post } from '../lib/api.ts';
import { useCurrentSession } from '../lib/session.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { StepModal } from '../decisions/StepModal.tsx';
import { useEnforcementForms } from './forms.ts';
import { formBody } from '../lib/forms.ts';
import type { Item, Plan, PlanPayload } from './types.ts';

/** 年度抽查计划: drafted, approved, published; each drawn on its own page. */
export default function PlansPage() {
  const session = useCurrentSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const { data, isPending } = useQuery({
    queryKey: ['enforcement', 'plans'],
    queryFn: () => get<{ items: Plan[] }>('/api/enforcement/plans'),
  });
  const items = useQuery({
    queryKey: ['enforcement', 'items', 'active'],
    queryFn: () => get<{ items: Item[] }>('/api/enforcement/items', { active: true }),
    enabled: open,
  });
  const year = new Date().getFullYear();
  const { fields } = useEnforcementForms();
  const planForm = fields('plan');
  return (
    <>
      <PageHeader
        title="年度抽查计划"
        extra={
          session.abilities.manageInspections ? (
            <Button type="primary" onClick={() => setOpen(true)}>
              制定抽查计划
            </Button>
          ) : null
        }
      />
      <Card>
        <Table<Plan>
          rowKey="id"
          loading={isPending}
          dataSource={data?.items ?? []}
          pagination={false}
          columns={[
            {
              title: '计划',
              dataIndex: 'name',
              render: (t: string, p) => <Link to={`/enforcement/plans/${p.id}`}>{t}</Link>,
            },
            { title: '年度', dataIndex: 'year' },
            { title: '抽查事项', render: (_, p) => p.items.map((i) => i.name).join('；') },
            { title: '抽查比例', render: (_, p) => `${p.ratio}%` },
            { title: '检查时间', render: (_, p) => `${p.startOn} 至 ${p.endOn}` },
            { title: '状态', render: (_, p) => <Tag>{p.statusLabel}</Tag> },
          ]}
        />
      </Card>
      {open && items.data && planForm.length > 0 && (
        <StepModal
          title="制定抽查计划"
          files={false}
          fields={fields('plan', {
            initial: {
              year: String(year),
              perTarget: '2',
              stratify: 'none',
              excludeLastYear: 'false',
            },
            options: {
              itemIds: items.data.items.map((i) => ({
                value: i.id,
                label: `${i.name}（${i.kind === 'key' ? '重点' : '一般'}，${i.ratio}%）`,
              })),
            },
          })}
          onClose={() => setOpen(false)}
          onSubmit={async (v) => {
            const res = await post<PlanPayload>('/api/enforcement/plans', {
              ...formBody(planForm)(v),
              itemIds: [v.itemIds],
              categories: v.categories
                ? String(v.categories)
                    .split(/[、,，]/)
                    .map((s) => s.trim())
                    .filter(Boolean)
                : [],
            });
            void client.invalidateQueries({ queryKey: ['enforcement'] });
            message.success('已制定抽查计划');
            navigate(`/enforcement/plans/${res.plan.id}`);
          }}
        />
      )}
    </>
  );
}
