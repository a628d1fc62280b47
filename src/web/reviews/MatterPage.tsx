import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  List,
  Result,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage, get, post } from '../lib/api.ts';
import { dateTime } from '../lib/format.ts';
import { DueDate } from '../lib/DueDate.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { MatterDialog, type Act } from './MatterDialog.tsx';
import type { Candidates, MatterPayload, Opinion } from './types.ts';

const h2 = (t: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{t}</h2>;

/** One matter: materials, reviewers, numbered opinions with adoption, conclusion, timeline. */
export default function MatterPage() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [act, setAct] = useState<Act | null>(null);
  const key = ['review', id];
  const { data, isPending, error } = useQuery({
    queryKey: key,
    queryFn: () => get<MatterPayload>(`/api/reviews/${encodeURIComponent(id)}`),
  });
  const a = data?.abilities;
  const candidates = useQuery({
    queryKey: ['reviews', 'reviewers'],
    queryFn: () => get<Candidates>('/api/reviews/reviewers'),
    enabled: !!a?.assign,
  });
  if (isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (error || !data || !a) {
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? '未找到该审查事项' : '无法打开该审查事项'}
        subTitle={errorMessage(error)}
        extra={<Button onClick={() => navigate('/reviews')}>返回审查事项</Button>}
      />
    );
  }
  const m = data.matter;
  const run = async (path: string, body: unknown, label: string) => {
    const res = await post<MatterPayload>(`/api/reviews/${id}${path}`, body);
    client.setQueryData(key, res);
    void client.invalidateQueries({ queryKey: ['reviews'] });
    void client.invalidateQueries({ queryKey: ['worklist'] });
    setAct(null);
    message.success(`已办理：${label}`);
  };
  const button = (label: string, next: Act, primary = true) => (
    <Button type={primary ? 'primary' : 'default'} onClick={() => setAct(next)}>
      {label}
    </Button>
  );
  return (
    <>
      <PageHeader
        title={m.title}
        subTitle={`合法性审查 · ${m.typeLabel}`}
        extra={
          <Tag>{m.conclusionLabel ? `${m.statusLabel}：${m.conclusionLabel}` : m.statusLabel}</Tag>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={h2('基本信息')}>
          <Descriptions
            column={{ xs: 1, md: 2, xl: 3 }}
            items={[
              { key: 'type', label: '事项类型', children: m.typeLabel },
              { key: 'org', label: '送审单位', children: m.orgName },
              { key: 'by', label: '送审人', children: m.submittedByName },
              { key: 'on', label: '送审日期', children: m.submittedOn },
              { key: 'req', label: '要求完成日期', children: m.requestedBy ?? '—' },
              {
                key: 'due',
                label: '审查期限',
                children: (
                  <>
                    <DueDate
                      dueDate={m.dueOn}
                      explanation={m.dueExplanation}
                      provisional={m.provisional}
                    />
                    {m.overdue && <Tag style={{ marginInlineStart: 8 }}>已超期</Tag>}
                  </>
                ),
              },
              ...(m.subject
                ? [
                    {
                      key: 'subject',
                      label: '关联办件',
                      children: (
                        <Link
                          to={`/cases/${m.subject.caseId}`}
                        >{`${m.subject.moduleLabel}：${m.subject.title}`}</Link>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {m.summary && (
            <Typography.Paragraph
              style={{ whiteSpace: 'pre-wrap', marginTop: 12, marginBottom: 0 }}
            >
              {m.summary}
            </Typography.Paragraph>
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {m.dueExplanation}
          </Typography.Paragraph>
        </Card>
        {(a.assign ||
          a.opine ||
          a.enterFor.length > 0 ||
          a.conclude ||
          a.withdraw ||
          a.addMaterials) && (
          <Card title={h2('办理')}>
            <Space wrap>
              {a.assign && button('分派审查人员', { kind: 'assign' })}
              {(a.opine || a.enterFor.length > 0) && button('提出法审意见', { kind: 'opinion' })}
              {a.conclude && button('出具审查意见', { kind: 'conclude' })}
              {a.addMaterials && button('补充送审材料', { kind: 'materials' }, false)}
              {a.withdraw && button('撤回送审', { kind: 'withdraw' }, false)}
            </Space>
          </Card>
        )}
        {m.conclusion && (
          <Card title={h2('审查结论')}>
            <Typography.Paragraph strong>
              {m.conclusionLabel}（{m.concludedOn}，{m.concludedByName}）
            </Typography.Paragraph>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {m.conclusionOpinion}
            </Typography.Paragraph>
          </Card>
        )}
        <Card title={h2('法审意见')}>
          <Table<Opinion>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.opinions}
            locale={{ emptyText: '尚无法审意见' }}
            columns={[
              { title: '序号', dataIndex: 'seq', width: 80, render: (n: number) => `第${n}条` },
              {
                title: '意见',
                dataIndex: 'body',
                render: (t: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{t}</span>,
              },
              { title: '提出人', render: (_, o) => `${o.reviewerName}（${o.reviewerKind}）` },
              { title: '日期', dataIndex: 'givenOn', width: 110 },
              {
                title: '采纳情况',
                render: (_, o) =>
                  o.adoptionLabel
                    ? `${o.adoptionLabel}${o.adoptionReason ? `：${o.adoptionReason}` : ''}`
                    : a.markAdoption
                      ? button(`反馈第${o.seq}条采纳情况`, { kind: 'adoption', opinion: o }, false)
                      : '待反馈',
              },
            ]}
          />
        </Card>
        <Card title={h2('审查人员')}>
          {data.reviewers.length ? (
            <List
              size="small"
              dataSource={data.reviewers}
              renderItem={(r) => (
                <List.Item>{`${r.name}（${r.kindLabel}${r.affiliation ? `，${r.affiliation}` : ''}），${r.assignedOn}分派`}</List.Item>
              )}
            />
          ) : (
            <Empty description="尚未分派审查人员" />
          )}
        </Card>
        <Card title={h2('送审材料')}>
          {data.materials.length ? (
            <List
              size="small"
              dataSource={data.materials}
              renderItem={(f) => (
                <List.Item>
                  <a href={`/api/files/${f.fileId}`} style={{ textDecoration: 'underline' }}>
                    {f.name}
                  </a>
                  （{f.addedByName}，{dateTime(f.addedAt)}）
                </List.Item>
              )}
            />
          ) : (
            <Empty description="未上传材料" />
          )}
        </Card>
        <Card title={h2('办理记录')}>
          <Timeline
            items={data.timeline.map((e, i) => ({
              key: i,
              title: e.on,
              content: (
                <div>
                  <Typography.Text strong>{e.label}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {[e.actorName, e.detail].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </div>
              ),
            }))}
          />
        </Card>
      </Space>
      {act && (
        <MatterDialog
          act={act}
          data={data}
          candidates={candidates.data}
          onClose={() => setAct(null)}
          run={run}
        />
      )}
    </>
  );
}
