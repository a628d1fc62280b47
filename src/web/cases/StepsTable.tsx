import type { CSSProperties } from 'react';
import { Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DaysLeftTag, DueDate } from '../lib/DueDate.tsx';
import type { CaseStep } from '../lib/types.ts';

const statusTag: Record<CaseStep['status'], { text: string; style: CSSProperties }> = {
  open: { text: '办理中', style: { color: '#0842a0', background: '#e8f0fe', borderColor: '#a8c7fa' } },
  done: { text: '已完成', style: { color: '#146c2e', background: '#e6f4ea', borderColor: '#a8dab5' } },
  cancelled: { text: '已取消', style: { color: '#4d4d4d', background: '#f5f5f5', borderColor: '#d9d9d9' } },
};

const columns: TableColumnsType<CaseStep> = [
  { title: '环节', dataIndex: 'label' },
  {
    title: '状态',
    dataIndex: 'status',
    render: (s: CaseStep['status']) => <Tag style={statusTag[s].style}>{statusTag[s].text}</Tag>,
  },
  { title: '开始日期', dataIndex: 'openedOn', render: (v: string | null) => v ?? '—' },
  {
    title: '办理期限',
    dataIndex: 'dueDate',
    render: (_, s) => (
      <>
        <DueDate dueDate={s.dueDate} explanation={s.explanation} provisional={s.provisional} />
        {s.dueDate && s.explanation && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0', maxWidth: 420 }}>
            {s.explanation}
          </Typography.Paragraph>
        )}
      </>
    ),
  },
  {
    title: '剩余时间',
    dataIndex: 'daysLeft',
    render: (_, s) =>
      s.status === 'open' ? (
        <DaysLeftTag daysLeft={s.daysLeft} unit={s.unit} overdue={s.overdue} dueSoon={false} />
      ) : (
        '—'
      ),
  },
  { title: '完成日期', dataIndex: 'doneOn', render: (v: string | null) => v ?? '—' },
];

export function StepsTable({ steps }: { steps: CaseStep[] }) {
  return (
    <Table<CaseStep>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={steps}
      pagination={false}
      locale={{ emptyText: '暂无环节' }}
      scroll={{ x: 760 }}
    />
  );
}
