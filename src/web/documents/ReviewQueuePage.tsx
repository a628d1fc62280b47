import { Card, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { get } from '../lib/api.ts';
import { PageHeader } from '../layout/PageHeader.tsx';

interface Item { id: string; title: string; draftingOrgName: string; openedOn: string; dueDate: string | null; overdue: boolean; explanation: string }

/** The legal office's queue: documents awaiting legality review, soonest due first. */
export default function ReviewQueuePage() {
  const { data, isPending } = useQuery({ queryKey: ['review-queue'], queryFn: () => get<{ items: Item[] }>('/api/documents/review-queue') });
  return (
    <>
      <PageHeader title="合法性审核队列" />
      <Card>
        <Table<Item> rowKey="id" loading={isPending} dataSource={data?.items ?? []} columns={[
          { title: '文件名称', dataIndex: 'title', render: (t: string, r) => <Link to={`/documents/${r.id}`}>{t}</Link> },
          { title: '起草科室', dataIndex: 'draftingOrgName' },
          { title: '送审日期', dataIndex: 'openedOn' },
          { title: '审核期限', render: (_, r) => <span title={r.explanation}>{r.dueDate}{r.overdue ? <Tag style={{ marginInlineStart: 8 }}>已超期</Tag> : null}</span> },
        ]} />
      </Card>
    </>
  );
}
