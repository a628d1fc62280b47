import { useState } from 'react';
import { App, Button, Card, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { get, post } from '../lib/api.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { FormModal } from './FormModal.tsx';

interface Row { documentId: string; title: string; statusLabel: string; docNumber: string | null; department: string; publishedOn: string; filing: { id: string; status: string; submittedOn: string; dueOn: string; correctionRequest: string | null; answer: string | null } }

/** The oversight body's filing queue across departments: accept, or return for 纠错. */
export default function FilingsPage() {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [target, setTarget] = useState<{ row: Row; decision: 'accept' | 'return' } | null>(null);
  const { data, isPending } = useQuery({ queryKey: ['filings'], queryFn: () => get<{ items: Row[] }>('/api/filings') });
  return (
    <>
      <PageHeader title="规范性文件备案审查" subTitle="各部门报送备案的行政规范性文件" />
      <Card>
        <Table<Row> rowKey={(r) => r.filing.id} loading={isPending} dataSource={data?.items ?? []} columns={[
          { title: '报送部门', dataIndex: 'department' },
          { title: '文件名称', dataIndex: 'title' },
          { title: '文号', dataIndex: 'docNumber' },
          { title: '报送日期', render: (_, r) => <>{r.filing.submittedOn}{r.filing.submittedOn > r.filing.dueOn ? <Tag style={{ marginInlineStart: 8 }}>逾期报送</Tag> : null}</> },
          { title: '状态', dataIndex: 'statusLabel' },
          { title: '审查', render: (_, r) => (r.filing.status === 'submitted' || r.filing.status === 'answered' ? <Space><Button size="small" type="primary" onClick={() => setTarget({ row: r, decision: 'accept' })}>准予备案</Button><Button size="small" onClick={() => setTarget({ row: r, decision: 'return' })}>退回纠错</Button></Space> : r.filing.answer ?? r.filing.correctionRequest ?? '') },
        ]} />
      </Card>
      {target && (
        <FormModal
          title={target.decision === 'accept' ? '准予备案' : '退回纠错'}
          fields={target.decision === 'accept' ? [{ name: 'opinion', label: '审查意见', type: 'textarea' }] : [{ name: 'correctionRequest', label: '纠错意见', type: 'textarea', required: true }]}
          onClose={() => setTarget(null)}
          onSubmit={async (v) => {
            await post(`/api/filings/${target.row.filing.id}/review`, { decision: target.decision, ...v });
            setTarget(null);
            await client.invalidateQueries({ queryKey: ['filings'] });
            message.success('已审查');
          }}
        />
      )}
    </>
  );
}
