import { Card, Table, Tag } from 'antd';

export interface OpenStep {
  step: string;
  label: string;
  due?: { date: string; explanation: string };
  overdue: boolean;
  paused?: boolean;
}
export interface AllowedAction {
  action: string;
  label: string;
}
export interface CaseStateLite {
  status: string;
  statusLabel: string;
  outcomeLabel?: string;
  openSteps: OpenStep[];
  allowed: AllowedAction[];
  blocked: Array<{ action: string; label: string; reason: string }>;
}

const h2 = (t: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{t}</h2>;

/** The case's pending steps with their statutory deadlines (from the shared engine). */
export function CaseSteps({ state }: { state: CaseStateLite }) {
  return (
    <Card title={h2('待办环节和期限')}>
      {state.openSteps.length ? (
        <Table<OpenStep>
          rowKey="step"
          size="small"
          pagination={false}
          dataSource={state.openSteps}
          columns={[
            { title: '环节', dataIndex: 'label' },
            { title: '期限', render: (_, s) => (s.paused ? '暂停计算' : (s.due?.date ?? '—')) },
            { title: '计算说明', render: (_, s) => s.due?.explanation ?? '' },
            {
              title: '状态',
              render: (_, s) =>
                s.overdue ? <Tag color="red">已超期</Tag> : <Tag color="blue">办理中</Tag>,
            },
          ]}
        />
      ) : (
        <span>
          当前没有待办环节（{state.statusLabel}
          {state.outcomeLabel ? `：${state.outcomeLabel}` : ''}）。
        </span>
      )}
    </Card>
  );
}

export const sectionTitle = h2;
let serverToday: string | null = null;
/** The server's working day (its clock, not the browser's), remembered from the last payload that carried it. */
export const rememberToday = (d?: string) => {
  if (d) serverToday = d;
};
export const today = () =>
  serverToday ?? new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
export interface Options {
  orgs: Array<{ id: string; name: string }>;
  people: Array<{ id: string; name: string; orgId: string }>;
}
