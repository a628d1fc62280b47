import { useState } from 'react';
import { App, Button, Card, Descriptions, Result, Space, Spin, Table, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { errorMessage, get, post } from '../lib/api.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { StepModal } from '../decisions/StepModal.tsx';
import { filled } from '../lib/forms.ts';
import { CaseSteps, rememberToday, sectionTitle, today } from '../petitions/CaseSteps.tsx';
import { useSourceLabel, type TaskPayload } from './types.ts';

// The title of each act's form; its fields are the declared ones the page is sent (data.forms).
const TITLES = { progress: '报送进展情况', adjustDue: '调整办结期限', close: '办结' } as const;
type Act = keyof typeof TITLES;

export default function TaskPage() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [pending, setPending] = useState<Act | null>(null);
  const sourceLabel = useSourceLabel();
  const key = ['task', id];
  const { data, isPending, error } = useQuery({
    queryKey: key,
    queryFn: () => get<TaskPayload>(`/api/supervision/${encodeURIComponent(id)}`),
  });
  if (isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (error || !data)
    return <Result status="error" title="无法打开该督办事项" subTitle={errorMessage(error)} />;
  rememberToday(data.today);
  const t = data.task;
  const { acts } = data;
  return (
    <>
      <PageHeader
        title={t.title}
        subTitle={`${sourceLabel(t.sourceKind)} · ${data.state.statusLabel}`}
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card
          title={sectionTitle('办理')}
          extra={
            <Space wrap>
              {acts.progress && <Button onClick={() => setPending('progress')}>报送进展</Button>}
              {acts.adjustDue && <Button onClick={() => setPending('adjustDue')}>调整期限</Button>}
              {acts.close && (
                <Button type="primary" onClick={() => setPending('close')}>
                  办结
                </Button>
              )}
              {data.blocked.map((b) => (
                <Typography.Text key={b.action} type="secondary">
                  {`${b.label}：${b.reason}`}
                </Typography.Text>
              ))}
            </Space>
          }
        >
          <Descriptions
            column={1}
            items={[
              { key: 'a', label: '交办', children: `${t.assignedBy}，${t.assignedOn}` },
              {
                key: 'b',
                label: '办结期限',
                children:
                  t.dueOn + (t.escalatedOn ? `（${t.escalatedOn}逾期，已提请领导督办）` : ''),
              },
              { key: 'c', label: '责任人', children: t.ownerName || '—' },
              { key: 'd', label: '具体要求', children: t.description || '—' },
              {
                key: 'e',
                label: '办结情况',
                children: t.closedOn ? `${t.closedOn}：${t.result}` : `进度${t.progress}%`,
              },
            ]}
          />
        </Card>
        <Card title={sectionTitle('进展情况')}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.progress}
            columns={[
              { title: '日期', dataIndex: 'on' },
              { title: '进度', dataIndex: 'percent', render: (v: number) => `${v}%` },
              { title: '进展情况', dataIndex: 'text' },
            ]}
          />
        </Card>
        <CaseSteps state={data.state} />
      </Space>
      {pending && (
        <StepModal
          title={TITLES[pending]}
          fields={filled(data.forms[pending], { initial: { on: today() } })}
          files={false}
          onClose={() => setPending(null)}
          onSubmit={async (v) => {
            const res = await post<TaskPayload>(`/api/supervision/${id}/act`, {
              action: pending,
              ...v,
            });
            client.setQueryData(key, res);
            void client.invalidateQueries({ queryKey: ['supervision'] });
            setPending(null);
            message.success(`已办理：${TITLES[pending]}`);
          }}
        />
      )}
    </>
  );
}
