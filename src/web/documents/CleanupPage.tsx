import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Result, Spin, Table, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage, get, post } from '../lib/api.ts';
import { useCurrentSession } from '../lib/session.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { FormModal } from './FormModal.tsx';
import type { CleanupDetail, CleanupItem } from './types.ts';
import { useForms } from '../lib/forms.ts';

/** One 清理 campaign: a decision for each document in force, the totals, and publishing the result list. */
export default function CleanupPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const session = useCurrentSession();
  const { message } = App.useApp();
  const [target, setTarget] = useState<CleanupItem | null>(null);
  const { fields } = useForms('documents');
  const key = ['document-cleanup', id];
  const { data, isPending, error } = useQuery({
    queryKey: key,
    queryFn: () => get<CleanupDetail>(`/api/document-cleanups/${encodeURIComponent(id)}`),
  });
  if (isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (error || !data)
    return (
      <Result
        status={error instanceof ApiError && error.status === 404 ? '404' : 'error'}
        title="无法打开该清理工作"
        subTitle={errorMessage(error)}
        extra={<Button onClick={() => navigate('/documents/cleanups')}>返回清理工作列表</Button>}
      />
    );
  const c = data.campaign;
  const canDecide = !!session?.abilities.documentCleanup && !c.publishedOn;
  const done = (res: CleanupDetail, text: string) => {
    client.setQueryData(key, res);
    void client.invalidateQueries({ queryKey: ['document-cleanups'] });
    void client.invalidateQueries({ queryKey: ['documents'] });
    message.success(text);
  };
  return (
    <>
      <PageHeader
        title={c.title}
        subTitle={`规范性文件清理 · ${c.publishedOn ? `已于${c.publishedOn}公布结果` : `${c.openedOn}开始，进行中`}`}
        extra={
          c.publishedOn ? (
            <Button href={`/gfxwj/qingli/${c.id}`} target="_blank">
              门户网站上的清理结果
            </Button>
          ) : (
            canDecide && (
              <Popconfirm
                title="公布清理结果"
                description="公布后，废止和宣布失效的文件即日起失去效力，清理意见不能再修改。"
                okText="公布"
                cancelText="取消"
                onConfirm={() =>
                  post<CleanupDetail>(`/api/document-cleanups/${c.id}/publish`).then(
                    (res) => done(res, '已公布清理结果'),
                    (e) => message.error(errorMessage(e)),
                  )
                }
              >
                <Button type="primary">公布清理结果</Button>
              </Popconfirm>
            )
          )
        }
      />
      <Card>
        {c.basis && <Typography.Paragraph>清理依据：{c.basis}</Typography.Paragraph>}
        <Alert
          type={data.totals.pending ? 'info' : 'success'}
          showIcon
          title={data.totals.sentence}
          style={{ marginBottom: 16 }}
        />
        <Table<CleanupItem>
          rowKey="documentId"
          pagination={false}
          dataSource={data.items}
          locale={{ emptyText: '开展清理时没有现行有效的规范性文件' }}
          columns={[
            { title: '序号', render: (_, _r, i) => i + 1, width: 60 },
            {
              title: '文件名称',
              dataIndex: 'title',
              render: (t: string, r) => <Link to={`/documents/${r.documentId}`}>{t}</Link>,
            },
            { title: '文号', dataIndex: 'docNumber' },
            { title: '发布日期', dataIndex: 'publishedOn' },
            { title: '当前效力', dataIndex: 'legalStatusLabel' },
            {
              title: '清理意见',
              render: (_, r) => (
                <>
                  {r.decisionLabel}
                  {r.note ? `（${r.note}）` : ''}
                </>
              ),
            },
            ...(canDecide
              ? [
                  {
                    title: '操作',
                    render: (_: unknown, r: CleanupItem) => (
                      <Button
                        size="small"
                        onClick={() => setTarget(r)}
                        aria-label={`${r.decision ? '修改意见' : '提出意见'}：${r.title}`}
                      >
                        {r.decision ? '修改意见' : '提出意见'}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {target && (
        <FormModal
          title={`清理意见：${target.title}`}
          fields={fields('cleanupDecision', {
            initial: { decision: target.decision ?? undefined, note: target.note ?? undefined },
          })}
          onClose={() => setTarget(null)}
          onSubmit={async (v) => {
            const res = await post<CleanupDetail>(
              `/api/document-cleanups/${c.id}/items/${target.documentId}`,
              v,
            );
            setTarget(null);
            done(res, '已记录清理意见');
          }}
        />
      )}
    </>
  );
}
