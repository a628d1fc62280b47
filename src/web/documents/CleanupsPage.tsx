import { useState } from 'react';
import { Button, Card, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { get, post } from '../lib/api.ts';
import { useCurrentSession } from '../lib/session.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { FormModal } from './FormModal.tsx';
import { useForms } from '../lib/forms.ts';
import type { CleanupCampaign } from './types.ts';

/** 清理: the department's campaigns with their totals; the legal office opens a new one over the documents in force. */
export default function CleanupsPage() {
  const navigate = useNavigate();
  const session = useCurrentSession();
  const [opening, setOpening] = useState(false);
  const { fields } = useForms('documents');
  const { data, isPending } = useQuery({
    queryKey: ['document-cleanups'],
    queryFn: () => get<{ items: CleanupCampaign[] }>('/api/document-cleanups'),
  });
  return (
    <>
      <PageHeader
        title="规范性文件清理"
        subTitle="对现行有效的规范性文件逐件提出保留、修改、废止或宣布失效的意见，并公布清理结果"
        extra={
          session?.abilities.documentCleanup && (
            <Button type="primary" onClick={() => setOpening(true)}>
              开展清理
            </Button>
          )
        }
      />
      <Card>
        <Table<CleanupCampaign>
          rowKey="id"
          loading={isPending}
          dataSource={data?.items ?? []}
          locale={{ emptyText: '尚未开展清理' }}
          columns={[
            {
              title: '清理工作',
              dataIndex: 'title',
              render: (t: string, r) => <Link to={`/documents/cleanups/${r.id}`}>{t}</Link>,
            },
            { title: '开始日期', dataIndex: 'openedOn' },
            { title: '清理情况', render: (_, r) => r.totals.sentence },
            {
              title: '状态',
              render: (_, r) =>
                r.publishedOn ? <Tag>已于{r.publishedOn}公布</Tag> : <Tag>进行中</Tag>,
            },
          ]}
        />
      </Card>
      {opening && (
        <FormModal
          title="开展清理"
          fields={fields('openCleanup')}
          onClose={() => setOpening(false)}
          onSubmit={async (v) => {
            const res = await post<{ id: string }>('/api/document-cleanups', v);
            navigate(`/documents/cleanups/${res.id}`);
          }}
        />
      )}
    </>
  );
}
