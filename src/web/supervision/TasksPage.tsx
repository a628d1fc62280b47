import { useState } from 'react';
import { App, Button, Card, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { get, post } from '../lib/api.ts';
import { useCurrentSession } from '../lib/session.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { StepModal } from '../decisions/StepModal.tsx';
import { useForms } from '../lib/forms.ts';
import { rememberToday, today, type Options } from '../petitions/CaseSteps.tsx';
import { useSourceLabel, type Task, type TaskPayload } from './types.ts';

/** 督办事项: tasks from leadership or a superior, and the annual 工作要点 imported in one step. */
export default function TasksPage() {
  const session = useCurrentSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<'assign' | 'import' | null>(null);
  const { data, isPending } = useQuery({
    queryKey: ['supervision', page],
    queryFn: () =>
      get<{ total: number; items: Task[]; today?: string }>('/api/supervision', {
        page,
        pageSize: 20,
      }),
  });
  const { data: opts } = useQuery({
    queryKey: ['petition-options'],
    queryFn: () => get<Options>('/api/petitions/options'),
    enabled: !!open,
  });
  const orgs = (opts?.orgs ?? []).map((o) => ({ value: o.id, label: o.name }));
  const lastYear = String(Number(today().slice(0, 4)) - 1);
  const { fields: formFields } = useForms('supervision');
  const sourceLabel = useSourceLabel();
  const fields =
    open === 'import'
      ? formFields('importPlan', {
          initial: { year: lastYear, dueOn: `${Number(lastYear) + 1}-12-31`, assignedBy: '局党组' },
          options: { orgId: orgs },
        })
      : formFields('create', { initial: { sourceKind: 'instruction' }, options: { orgId: orgs } });
  rememberToday(data?.today);
  return (
    <>
      <PageHeader
        title="督办事项"
        extra={
          session.abilities.supervisionAssign ? (
            <Space>
              <Button onClick={() => setOpen('import')}>导入年度工作要点</Button>
              <Button type="primary" onClick={() => setOpen('assign')}>
                交办督办事项
              </Button>
            </Space>
          ) : null
        }
      />
      <Card>
        <Table<Task>
          rowKey="id"
          loading={isPending}
          dataSource={data?.items ?? []}
          pagination={{
            current: page,
            pageSize: 20,
            total: data?.total ?? 0,
            onChange: setPage,
            showTotal: (n) => `共 ${n} 项`,
          }}
          columns={[
            {
              title: '督办事项',
              dataIndex: 'title',
              render: (t: string, r) => <Link to={`/supervision/${r.id}`}>{t}</Link>,
            },
            { title: '来源', render: (_, r) => sourceLabel(r.sourceKind) },
            { title: '交办', dataIndex: 'assignedBy' },
            { title: '办结期限', dataIndex: 'dueOn' },
            { title: '进度', render: (_, r) => `${r.progress}%` },
            {
              title: '状态',
              render: (_, r) =>
                r.status === 'closed' ? (
                  <Tag color="green">已办结</Tag>
                ) : r.overdue ? (
                  <Tag color="red">逾期</Tag>
                ) : (
                  <Tag>办理中</Tag>
                ),
            },
          ]}
        />
      </Card>
      {open && (
        <StepModal
          title={open === 'import' ? '导入年度工作要点' : '交办督办事项'}
          files={false}
          fields={fields}
          onClose={() => setOpen(null)}
          onSubmit={async (v) => {
            if (open === 'import') {
              const r = await post<{ created: number; skipped: number }>(
                '/api/supervision/import-plan',
                { ...v, year: Number(v.year) },
              );
              message.success(
                `已生成督办事项${r.created}项${r.skipped ? `，${r.skipped}项此前已导入` : ''}`,
              );
              setOpen(null);
              void client.invalidateQueries({ queryKey: ['supervision'] });
              return;
            }
            const res = await post<TaskPayload>('/api/supervision', v);
            message.success('已交办');
            navigate(`/supervision/${res.task.id}`);
          }}
        />
      )}
    </>
  );
}
