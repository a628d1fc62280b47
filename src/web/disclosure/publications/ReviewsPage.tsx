import { Alert, Card, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { errorMessage, get } from '../../lib/api.ts';
import { RequireAbility } from '../../auth/RequireAuth.tsx';
import { PageHeader } from '../../layout/PageHeader.tsx';
import { publicationsKey, TAG, type PublicationRequest } from './queries.ts';

const STATUS_TAG = { pending: TAG.red, published: TAG.green, returned: TAG.grey } as const;

export function ReviewStatus({ r }: { r: Pick<PublicationRequest, 'status' | 'statusLabel'> }) {
  return <Tag style={STATUS_TAG[r.status]}>{r.statusLabel}</Tag>;
}

/** 保密审查 (条例第十七条): what waits for this account's review, and what it asked others to review. */
function Reviews() {
  const { data, isPending, error } = useQuery({
    queryKey: [...publicationsKey, 'reviews'],
    queryFn: () => get<PublicationRequest[]>('/api/publications/reviews'),
  });
  const columns: TableColumnsType<PublicationRequest> = [
    {
      title: '名称',
      dataIndex: 'title',
      render: (v: string, r) => <Link to={`/publications/reviews/${r.id}`}>{v}</Link>,
    },
    { title: '起草人', dataIndex: 'requestedByName' },
    { title: '保密审查人', dataIndex: 'reviewerName' },
    { title: '提请日期', dataIndex: 'requestedOn' },
    { title: '审查期限', dataIndex: 'dueOn' },
    { title: '状态', key: 'status', render: (_: unknown, r) => <ReviewStatus r={r} /> },
    {
      title: '办理',
      key: 'act',
      render: (_: unknown, r) =>
        r.mayDecide ? <Link to={`/publications/reviews/${r.id}`}>审查</Link> : null,
    },
  ];
  return (
    <>
      <PageHeader
        title="保密审查"
        subTitle="拟主动公开的政府信息，发布前由起草人以外的审查人依照《保守国家秘密法》进行审查（《政府信息公开条例》第十七条）"
      />
      <Card>
        {error ? <Alert type="error" showIcon message={errorMessage(error)} /> : null}
        <Table<PublicationRequest>
          rowKey="id"
          loading={isPending}
          columns={columns}
          dataSource={data ?? []}
          pagination={false}
          locale={{ emptyText: '没有待审查或已提请审查的信息' }}
        />
      </Card>
    </>
  );
}

export default function ReviewsPage() {
  return (
    <RequireAbility ability="publish">
      <Reviews />
    </RequireAbility>
  );
}
