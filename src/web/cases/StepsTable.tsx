import type { CSSProperties } from 'react';
import { Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DaysLeftTag, DueDate } from '../lib/DueDate.tsx';
import type { CaseStep } from '../lib/types.ts';

const statusTag: Record<CaseStep['status'], { text: string; style: CSSProperties }> = {
  open: {
    text: '办理中',
    style: { color: '#0842a0', background: '#e8f0fe', borderColor: '#a8c7fa' },
  },
  paused: {
    text: '已暂停',
    style: { color: '#7a4100', background: '#fff4e5', borderColor: '#ffd591' },
  },
  done: {
    text: '已完成',
    style: { color: '#146c2e', background: '#e6f4ea', borderColor: '#a8dab5' },
  },
  cancelled: {
    text: '已取消',
    style: { color: '#4d4d4d', background: '#f5f5f5', borderColor: '#d9d9d9' },
  },
};

// Dates never wrap inside a narrow column; the table scrolls inside its card instead (issue 13 item 16).
const day = { whiteSpace: 'nowrap' } as const;
const dateCell = (v: string | null) => <span style={day}>{v ?? '—'}</span>;

const columns: TableColumnsType<CaseStep> = [
  { title: '环节', dataIndex: 'label', width: 180 },
  {
    title: '状态',
    dataIndex: 'status',
    width: 90,
    render: (s: CaseStep['status']) => <Tag style={statusTag[s].style}>{statusTag[s].text}</Tag>,
  },
  { title: '开始日期', dataIndex: 'openedOn', width: 110, render: dateCell },
  {
    title: '办理期限',
    dataIndex: 'dueDate',
    render: (_, s) =>
      s.status === 'paused' ? (
        // While paused there is no due date: say why instead of a bare “—”.
        <Typography.Text>{s.explanation || '期限暂停计算'}</Typography.Text>
      ) : (
        <>
          <DueDate dueDate={s.dueDate} explanation={s.explanation} provisional={s.provisional} />
          {s.dueDate && s.explanation && (
            <Typography.Paragraph
              type="secondary"
              style={{ fontSize: 12, margin: '4px 0 0', minWidth: 220, maxWidth: 420 }}
            >
              {s.explanation}
            </Typography.Paragraph>
          )}
        </>
      ),
  },
  {
    title: '剩余时间',
    dataIndex: 'daysLeft',
    width: 110,
    render: (_, s) =>
      s.status === 'open' ? (
        <DaysLeftTag daysLeft={s.daysLeft} unit={s.unit} overdue={s.overdue} dueSoon={false} />
      ) : (
        '—'
      ),
  },
  { title: '完成日期', dataIndex: 'doneOn', width: 110, render: dateCell },
];

/** The steps of a case with their deadlines; wide content scrolls within the card, it never overflows it. */
export function StepsTable({ steps }: { steps: CaseStep[] }) {
  return (
    <div className="steps-table" style={{ maxWidth: '100%', overflowX: 'auto' }}>
      <Table<CaseStep>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={steps}
        pagination={false}
        locale={{ emptyText: '暂无环节' }}
        tableLayout="fixed"
        scroll={{ x: 900 }}
      />
    </div>
  );
}
