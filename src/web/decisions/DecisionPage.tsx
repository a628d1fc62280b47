import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Result,
  Row,
  Space,
  Spin,
  Tag,
  Tooltip,
  Popconfirm,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage, get, post } from '../lib/api.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { EventsTimeline } from '../cases/EventsTimeline.tsx';
import { StepsTable } from '../cases/StepsTable.tsx';
import { StepModal } from './StepModal.tsx';
import { FlowChart } from './FlowChart.tsx';
import { actionSpecs, type Spec } from './actionSpecs.ts';
import { CommentsCard, EvidenceCard, MaterialsCard } from './DecisionPanels.tsx';
import { SecrecyReviewPanel } from '../disclosure/SecrecyReviewPanel.tsx';
import type { DecisionPayload } from './types.ts';

// Links inside text are underlined (axe link-in-text-block).
const U = { textDecoration: 'underline' };
const h2 = (t: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{t}</h2>;

export default function DecisionPage() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [pending, setPending] = useState<Spec | null>(null);
  const key = ['decision', id];
  const { data, isPending, error } = useQuery({
    queryKey: key,
    queryFn: () => get<DecisionPayload>(`/api/decisions/${encodeURIComponent(id)}`),
  });
  if (isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (error || !data)
    return (
      <Result
        status={error instanceof ApiError && error.status === 404 ? '404' : 'error'}
        title="无法打开该决策"
        subTitle={errorMessage(error)}
        extra={<Button onClick={() => navigate('/decisions')}>返回决策列表</Button>}
      />
    );
  const d = data.decision;
  const run = async (path: string, body: unknown, label: string) => {
    const res = await post<DecisionPayload>(`/api/decisions/${id}${path}`, body);
    client.setQueryData(key, res);
    void client.invalidateQueries({ queryKey: ['decisions'] });
    void client.invalidateQueries({ queryKey: ['worklist'] });
    setPending(null);
    message.success(`已办理：${label}`);
  };
  // These acts cannot be undone: confirm first (结束征求意见, 公布意见采纳情况, 启动修改).
  const direct = (label: string, path: string) => (
    <Popconfirm
      title={`确定${label}？`}
      description="此操作办理后不能撤销。"
      okText="确定"
      cancelText="取消"
      onConfirm={() => run(path, {}, label).catch((e) => message.error(errorMessage(e)))}
    >
      <Button>{label}</Button>
    </Popconfirm>
  );
  const specs = actionSpecs(data);
  // 法律顾问、公职律师的意见 is noted by the review queue, never recorded on this page; the 保密审查 is asked
  // on its own panel below.
  const blocked = data.procedure.blocked.filter(
    (b) => b.action !== 'advisorOpinion' && b.action !== 'requestSecrecyReview',
  );
  // Why the review in progress cannot be concluded yet (e.g. no 法律顾问 opinion, 条例第二十八条).
  const reviewBlocked = blocked.find(
    (b) => b.action === 'concludeLegalReview' && data.legalReviews.some((r) => r.underReview),
  );
  return (
    <>
      <PageHeader
        title={d.title}
        subTitle={`重大行政决策 · ${data.procedure.case.statusLabel}`}
        extra={
          <>
            <Button onClick={() => navigate(`/decisions/${id}/archive`)}>决策档案</Button>
            <Button href={`/api/decisions/${id}/archive.zip`}>导出档案（.zip）</Button>
          </>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={h2('基本情况')}>
              <Descriptions
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'unit', label: '决策承办单位', children: d.undertakingUnit },
                  { key: 'proposer', label: '建议提出方', children: d.proposer },
                  {
                    key: 'cat',
                    label: '年度目录',
                    children: d.catalogueItemTitle
                      ? `列入目录：${d.catalogueItemTitle}`
                      : `目录外事项（${d.outsideCatalogueReason ?? ''}）`,
                  },
                  {
                    key: 'draft',
                    label: '决策草案',
                    children: d.draftVersion ? `第${d.draftVersion}稿` : '尚未拟订',
                  },
                  { key: 'decided', label: '决定日期', children: d.decidedOn ?? '—' },
                  { key: 'pub', label: '公布日期', children: d.publishedOn ?? '—' },
                  {
                    key: 'scope',
                    label: '适用程序',
                    children: [
                      d.confidential ? '依法不予公开' : '公众参与',
                      d.technical && '专家论证',
                      d.riskRelevant && '风险评估',
                      d.concernsMarket && '公平竞争审查',
                      d.hearingPlanned && '听证会',
                      d.partyReportRequired && '向党委请示报告',
                    ]
                      .filter(Boolean)
                      .join('、'),
                  },
                  ...(d.revisionOfTitle
                    ? [
                        {
                          key: 'rev',
                          label: '调整的原决策',
                          children: (
                            <Link to={`/decisions/${d.revisionOf}`} style={U}>
                              {d.revisionOfTitle}
                            </Link>
                          ),
                        },
                      ]
                    : []),
                  ...(d.revisions.length
                    ? [
                        {
                          key: 'revs',
                          label: '重大调整',
                          children: d.revisions.map((r) => (
                            <Link key={r.id} to={`/decisions/${r.id}`} style={U}>
                              {r.title}
                            </Link>
                          )),
                        },
                      ]
                    : []),
                ]}
              />
              <p style={{ marginTop: 12, marginBottom: 0 }}>拟解决的主要问题：{d.problem}</p>
            </Card>
            <Card title={h2('办理')}>
              <Space wrap>
                {specs.map((s) => (
                  <Button
                    key={s.key}
                    type={s.primary ? 'primary' : 'default'}
                    onClick={() => setPending(s)}
                  >
                    {s.title}
                  </Button>
                ))}
                {data.abilities.closeComment && direct('结束征求意见', '/comment/close')}
                {data.abilities.publishFeedback && direct('公布意见采纳情况', '/comment/feedback')}
                {blocked.map((b) => (
                  <Tooltip key={b.action} title={b.reason}>
                    <Button disabled>{b.label}</Button>
                  </Tooltip>
                ))}
              </Space>
              {blocked.length > 0 && (
                <Alert
                  type="info"
                  style={{ marginTop: 12 }}
                  title="以下环节暂不能办理"
                  description={
                    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                      {blocked.map((b) => (
                        <li key={b.action}>
                          {b.label}：{b.reason}
                        </li>
                      ))}
                    </ul>
                  }
                />
              )}
            </Card>
            {/* 保密审查 (《政府信息公开条例》第十七条) of the decision made, before 公布决策; the named reviewer decides here. */}
            {data.procedure.case.status === 'decided' && !d.confidential && (
              <SecrecyReviewPanel
                caseId={data.procedure.case.id}
                onChanged={() => {
                  void client.invalidateQueries({ queryKey: key });
                  void client.invalidateQueries({ queryKey: ['worklist'] });
                }}
              />
            )}
            <MaterialsCard data={data} />
            {data.consultation && (
              <CommentsCard
                data={data}
                onDispose={(commentId, v) =>
                  run(`/comments/${commentId}/disposition`, v, '处理意见')
                }
              />
            )}
            <EvidenceCard data={data} onAdd={(body) => run('/evidence', body, '补充材料')} />
            <Card title={h2('环节与期限')}>
              <StepsTable steps={data.procedure.steps} />
            </Card>
            <Card title={h2('办理记录')}>
              <EventsTimeline events={data.procedure.events} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={h2('决策运行流程图')}>
            <FlowChart nodes={data.flow} />
          </Card>
          {data.legalReviews.length > 0 && (
            <Card title={h2('合法性审查')} style={{ marginTop: 16 }}>
              <ul style={{ paddingInlineStart: 20, margin: 0 }}>
                {data.legalReviews.map((r, i) => (
                  <li key={r.id}>
                    <Link to={`/reviews/${r.id}`} style={U}>
                      第{i + 1}次送审
                    </Link>
                    （{r.submittedOn}，要求{r.dueOn}前完成）
                    <Tag style={{ marginInlineStart: 6 }}>{r.stateLabel}</Tag>
                  </li>
                ))}
              </ul>
              {reviewBlocked && (
                <Alert
                  type="warning"
                  style={{ marginTop: 12 }}
                  title="暂不能出具合法性审查意见"
                  description={reviewBlocked.reason}
                />
              )}
            </Card>
          )}
          {data.agenda.length > 0 && (
            <Card title={h2('会议议题')} style={{ marginTop: 16 }}>
              <ul style={{ paddingInlineStart: 20, margin: 0 }}>
                {data.agenda.map((x) => (
                  <li key={x.itemId}>
                    <Link to={`/meetings/${x.meetingId}`} style={U}>
                      {x.meetingName}
                    </Link>
                    （{x.meetingOn}）
                    {x.outcome ? `：${x.outcome}` : x.held ? '：已召开，待记录决定' : '：待召开'}
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </Col>
      </Row>
      {pending && (
        <StepModal
          title={pending.title}
          fields={pending.fields}
          files={pending.files !== false}
          onClose={() => setPending(null)}
          onSubmit={(v, fileIds) => run(pending.path, pending.body(v, fileIds), pending.title)}
        />
      )}
    </>
  );
}
