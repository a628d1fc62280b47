import { useState } from 'react';
import { App, Button, Card, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { get, post } from '../lib/api.ts';
import { useCurrentSession } from '../lib/session.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { StepModal } from '../decisions/StepModal.tsx';
import { opts, type Item, type Plan, type PlanPayload } from './types.ts';

const STRATIFY = { none: '不分层', category: '按行业类别分层', risk: '按风险等级分层' };

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
      {open && items.data && (
        <StepModal
          title="制定抽查计划"
          files={false}
          fields={[
            { name: 'name', label: '计划名称', required: true },
            { name: 'year', label: '年度', type: 'number', required: true, initial: String(year) },
            {
              name: 'itemId',
              label: '抽查事项',
              type: 'select',
              required: true,
              options: items.data.items.map((i) => ({
                value: i.id,
                label: `${i.name}（${i.kind === 'key' ? '重点' : '一般'}，${i.ratio}%）`,
              })),
            },
            { name: 'scope', label: '检查范围' },
            { name: 'categories', label: '行业类别（多个用顿号分隔，空为全部）' },
            { name: 'ratio', label: '抽查比例（%）', type: 'number', required: true },
            { name: 'quantity', label: '计划抽查数量（可选）', type: 'number' },
            { name: 'frequency', label: '抽查频次' },
            { name: 'startOn', label: '开始日期', type: 'date', required: true },
            { name: 'endOn', label: '结束日期', type: 'date', required: true },
            { name: 'perTarget', label: '每户检查人员数', type: 'number', initial: '2' },
            {
              name: 'stratify',
              label: '分层方式',
              type: 'select',
              options: opts(STRATIFY),
              initial: 'none',
            },
            {
              name: 'excludeLastYear',
              label: '回避上年度对同一对象的检查人员',
              type: 'select',
              options: [
                { value: 'false', label: '否' },
                { value: 'true', label: '是' },
              ],
              initial: 'false',
            },
          ]}
          onClose={() => setOpen(false)}
          onSubmit={async (v) => {
            const res = await post<PlanPayload>('/api/enforcement/plans', {
              name: v.name,
              year: Number(v.year),
              itemIds: [v.itemId],
              scope: v.scope,
              ratio: Number(v.ratio),
              frequency: v.frequency,
              startOn: v.startOn,
              endOn: v.endOn,
              categories: v.categories
                ? String(v.categories)
                    .split(/[、,，]/)
                    .map((s) => s.trim())
                    .filter(Boolean)
                : [],
              quantity: v.quantity ? Number(v.quantity) : null,
              perTarget: v.perTarget ? Number(v.perTarget) : 2,
              stratify: v.stratify ?? 'none',
              excludeLastYear: v.excludeLastYear === 'true',
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
