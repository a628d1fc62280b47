import { useState } from 'react';
import { App, Button, Card, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { get, post } from '../lib/api.ts';
import { useCurrentSession } from '../lib/session.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { StepModal, type StepField } from '../decisions/StepModal.tsx';
import { rememberToday, today, type Options } from '../petitions/CaseSteps.tsx';
import { SOURCES, sourceLabel, type Task, type TaskPayload } from './types.ts';

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
  const fields: StepField[] =
    open === 'import'
      ? [
          {
            name: 'year',
            label: '报告年度',
            required: true,
            initial: lastYear,
            help: '该年度法治政府建设年度报告第四部分的各项安排',
          },
          { name: 'orgId', label: '责任科室', type: 'select', required: true, options: orgs },
          {
            name: 'dueOn',
            label: '办结期限',
            type: 'date',
            required: true,
            initial: `${Number(lastYear) + 1}-12-31`,
          },
          { name: 'assignedBy', label: '交办领导或机关', required: true, initial: '局党组' },
        ]
      : [
          { name: 'title', label: '督办事项', required: true },
          {
            name: 'sourceKind',
            label: '督办来源',
            type: 'select',
            required: true,
            options: SOURCES,
            initial: 'instruction',
          },
          { name: 'assignedBy', label: '交办领导或机关', required: true },
          { name: 'orgId', label: '责任科室', type: 'select', required: true, options: orgs },
          { name: 'ownerName', label: '责任人' },
          { name: 'dueOn', label: '办结期限', type: 'date', required: true },
          { name: 'description', label: '具体要求', type: 'textarea' },
        ];
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
