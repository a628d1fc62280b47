import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Result,
  Space,
  Spin,
  Table,
  Tag,
  Tooltip,
  Typography,
  Popconfirm,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage, get, post } from '../lib/api.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { EventsTimeline } from '../cases/EventsTimeline.tsx';
import { StepsTable } from '../cases/StepsTable.tsx';
import { FormModal, type Field } from './FormModal.tsx';
import { SourceUpload } from './SourceUpload.tsx';
import { LegalHistory } from './LegalHistory.tsx';
import type { DocComment, DocumentPayload } from './types.ts';

interface Pending {
  title: string;
  fields: Field[];
  path: string;
  body?: (v: Record<string, string>) => unknown;
}

const h2 = (t: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{t}</h2>;
const DISPOSITIONS = [
  { value: 'adopted', label: '采纳' },
  { value: 'partlyAdopted', label: '部分采纳' },
  { value: 'notAdopted', label: '不采纳' },
];

export default function DocumentPage() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [pending, setPending] = useState<Pending | null>(null);
  const key = ['document', id];
  const { data, isPending, error } = useQuery({
    queryKey: key,
    queryFn: () => get<DocumentPayload>(`/api/documents/${encodeURIComponent(id)}`),
  });
  if (isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (error || !data)
    return (
      <Result
        status={error instanceof ApiError && error.status === 404 ? '404' : 'error'}
        title="无法打开该文件"
        subTitle={errorMessage(error)}
        extra={<Button onClick={() => navigate('/documents')}>返回文件列表</Button>}
      />
    );
  const d = data.document;
  const a = data.abilities;
  const today = data.procedure.today;
  const c = data.consultation;
  const run = async (path: string, body: unknown, label: string) => {
    const res = await post<DocumentPayload>(`/api/documents/${id}${path}`, body);
    client.setQueryData(['document', res.document.id], res);
    void client.invalidateQueries({ queryKey: ['documents'] });
    void client.invalidateQueries({ queryKey: ['worklist'] });
    setPending(null);
    message.success(`已办理：${label}`);
    if (res.document.id !== id) navigate(`/documents/${res.document.id}`);
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
  const ask = (p: Pending, primary = true) => (
    <Button type={primary ? 'primary' : 'default'} onClick={() => setPending(p)}>
      {p.title}
    </Button>
  );
  const engine = data.abilities.engineActions.map((x) =>
    ask({
      title: x.label,
      path: '/act',
      fields: [
        { name: 'on', label: '办理日期', type: 'date', required: true, initial: today },
        ...x.fields.map((f) => ({
          name: f.name,
          label: f.label,
          type: (f.type === 'textarea'
            ? 'textarea'
            : f.type === 'select'
              ? 'select'
              : f.type === 'date'
                ? 'date'
                : 'text') as Field['type'],
          required: f.required,
          options: f.options,
          help: (f as { help?: string }).help,
        })),
      ],
      body: ({ on, ...rest }) => ({ action: x.action, on, data: rest }),
    }),
  );
  return (
    <>
      <PageHeader
        title={d.title}
        subTitle={`行政规范性文件 · ${data.procedure.case.statusLabel}`}
        extra={
          <>
            <Tag>{d.legalStatusLabel}</Tag>
            {a.edit && <Button onClick={() => navigate(`/documents/${id}/edit`)}>修改草案</Button>}
            <Button href={`/api/documents/${id}/document.docx`}>导出公文（.docx）</Button>
            {d.interpretation && (
              <Button href={`/api/documents/${id}/interpretation.docx`}>
                导出政策解读（.docx）
              </Button>
            )}
            {c?.reportPublishedOn && (
              <Button href={`/api/documents/${id}/feedback.docx`}>导出意见采纳情况</Button>
            )}
          </>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={h2('基本信息')}>
          <Descriptions
            column={{ xs: 1, md: 2, xl: 3 }}
            items={[
              { key: 'issuer', label: '制发机关', children: d.issuerName },
              { key: 'org', label: '起草科室', children: d.draftingOrgName },
              {
                key: 'type',
                label: '文件类型',
                children: `${d.docTypeLabel}${d.trialLabel ? `（${d.trialLabel}）` : ''}`,
              },
              { key: 'market', label: '涉及市场主体', children: d.concernsMarket ? '是' : '否' },
              { key: 'no', label: '文号', children: d.docNumber ?? '—' },
              { key: 'pub', label: '发布日期', children: d.publishedOn ?? '—' },
              { key: 'valid', label: '有效期至', children: d.validUntil ?? '—' },
              { key: 'version', label: '版本', children: `第${d.version}版` },
              ...(d.sourceFile
                ? [
                    {
                      key: 'source',
                      label: '正文文件',
                      children: <a href={`/api/files/${d.sourceFile.id}`}>{d.sourceFile.name}</a>,
                    },
                  ]
                : []),
              ...(d.ending
                ? [
                    {
                      key: 'end',
                      label: '效力变化',
                      children: `${d.ending.label}（${d.ending.on ?? ''}${d.ending.act ? `，${d.ending.act}` : ''}）`,
                    },
                  ]
                : []),
            ]}
          />
        </Card>
        <Card title={h2('办理')}>
          <Space wrap>
            {a.openComment &&
              ask({
                title: '公开征求意见',
                path: '/comment/open',
                fields: [
                  {
                    name: 'startOn',
                    label: '开始日期',
                    type: 'date',
                    required: true,
                    initial: today,
                  },
                  {
                    name: 'endOn',
                    label: '截止日期',
                    type: 'date',
                    required: true,
                    help: '一般不少于7个工作日；涉及市场主体的不少于30日',
                  },
                ],
              })}
            {a.closeComment && direct('结束征求意见', '/comment/close')}
            {a.publishFeedback && direct('公布意见采纳情况', '/comment/feedback')}
            {engine}
            {a.decideAt &&
              (a.decideAt.length ? (
                ask({
                  title: '集体审议决定',
                  path: '/decide',
                  fields: [
                    {
                      name: 'meetingId',
                      label: '会议',
                      type: 'select',
                      required: true,
                      options: a.decideAt.map((m) => ({
                        value: m.id,
                        label: `${m.name}（${m.meetingOn}）`,
                      })),
                      help: '已召开并将本文件列入议题的会议',
                    },
                    {
                      name: 'decision',
                      label: '审议结果',
                      type: 'select',
                      required: true,
                      options: a.decideOptions,
                    },
                    {
                      name: 'minutes',
                      label: '会议纪要摘录',
                      type: 'textarea',
                      help: '留空则采用会议记录中的会议纪要',
                    },
                  ],
                })
              ) : (
                <Tooltip title="请先在会议管理中将本文件列入会议议题，并在会后登记会议记录">
                  <Button disabled>集体审议决定</Button>
                </Tooltip>
              ))}
            {a.assignNumber &&
              ask({
                title: '统一登记编号',
                path: '/number',
                fields: [
                  {
                    name: 'docNumber',
                    label: '文号',
                    help: '留空则按机关代字自动编号，如 科规〔2025〕3号',
                  },
                  { name: 'registrationNumber', label: '统一登记号' },
                ],
              })}
            {a.publish &&
              ask({
                title: '公开发布',
                path: '/publish',
                fields: [
                  { name: 'interpretation', label: '政策解读', type: 'textarea', required: true },
                  { name: 'effectiveOn', label: '施行日期', type: 'date' },
                  {
                    name: 'validUntil',
                    label: '有效期至',
                    type: 'date',
                    help: '留空为最长有效期（5年；试行、暂行2年）',
                  },
                  { name: 'keywords', label: '关键词' },
                  { name: 'confidentialityReviewer', label: '保密审查人', required: true },
                ],
              })}
            {a.file &&
              ask({
                title: '报送备案',
                path: '/filing',
                fields: [{ name: 'filingNo', label: '备案登记号' }],
              })}
            {a.amend && direct('启动修改（生成新版本）', '/amend')}
            {a.evaluate &&
              ask(
                {
                  title: '后评估',
                  path: '/evaluation',
                  fields: [
                    { name: 'on', label: '评估日期', type: 'date', required: true, initial: today },
                    {
                      name: 'conclusion',
                      label: '评估结论',
                      type: 'select',
                      required: true,
                      options: [
                        { value: 'continue', label: '继续有效' },
                        { value: 'amend', label: '需要修改' },
                        { value: 'abolish', label: '建议废止' },
                      ],
                    },
                    { name: 'evaluation', label: '评估情况', type: 'textarea', required: true },
                  ],
                },
                false,
              )}
            {a.end &&
              ask(
                {
                  title: '废止或宣布失效',
                  path: '/end',
                  fields: [
                    {
                      name: 'kind',
                      label: '决定类型',
                      type: 'select',
                      required: true,
                      options: [
                        { value: 'abolished', label: '废止' },
                        { value: 'declaredInvalid', label: '宣布失效' },
                      ],
                    },
                    { name: 'on', label: '决定日期', type: 'date', required: true, initial: today },
                    { name: 'act', label: '决定依据（文号或会议）', required: true },
                    { name: 'note', label: '说明', type: 'textarea' },
                  ],
                },
                false,
              )}
            {data.procedure.blocked.map((b) => (
              <Tooltip key={b.action} title={b.reason}>
                <Button disabled>{b.label}</Button>
              </Tooltip>
            ))}
          </Space>
          {data.procedure.blocked.length > 0 && (
            <Alert
              type="info"
              style={{ marginTop: 12 }}
              title="以下操作暂不能办理"
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {data.procedure.blocked.map((b) => (
                    <li key={b.action}>
                      {b.label}：{b.reason}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
        </Card>
        {c && (
          <Card title={h2('公开征求意见')}>
            <Typography.Paragraph>
              征求意见期限：{c.startOn} 至 {c.endOn}
              {c.closedOn ? `（已于${c.closedOn}结束）` : ''}。
              {c.reportPublishedOn ? `意见采纳情况已于${c.reportPublishedOn}公布。` : ''}
            </Typography.Paragraph>
            <Typography.Paragraph>{c.report.summary}</Typography.Paragraph>
            <Table<DocComment>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={c.comments}
              columns={[
                { title: '序号', dataIndex: 'seq', width: 60 },
                { title: '条款', dataIndex: 'articleLabel' },
                { title: '意见', dataIndex: 'body' },
                {
                  title: '提出人及联系方式（不公开）',
                  render: (_, r) => [r.authorName, r.contact].filter(Boolean).join(' / ') || '匿名',
                },
                {
                  title: '处理意见',
                  render: (_, r) =>
                    r.disposition
                      ? `${DISPOSITIONS.find((x) => x.value === r.disposition)?.label}${r.reason ? `：${r.reason}` : ''}`
                      : a.dispose
                        ? ask(
                            {
                              title: `处理第${r.seq}条意见`,
                              path: `/comments/${r.id}/disposition`,
                              fields: [
                                {
                                  name: 'disposition',
                                  label: '处理意见',
                                  type: 'select',
                                  required: true,
                                  options: DISPOSITIONS,
                                },
                                {
                                  name: 'reason',
                                  label: '理由',
                                  type: 'textarea',
                                  help: '部分采纳或不采纳的须说明理由',
                                },
                              ],
                            },
                            false,
                          )
                        : '待处理',
                },
              ]}
            />
          </Card>
        )}
        {data.filing && (
          <Card title={h2('备案')}>
            <Typography.Paragraph>
              {data.filing.statusLabel}（报送日期 {data.filing.submittedOn}，期限{' '}
              {data.filing.dueOn}）
            </Typography.Paragraph>
            {data.filing.reviewOpinion && (
              <Typography.Paragraph>
                备案审查意见：{data.filing.reviewOpinion}（{data.filing.acceptedOn}）
              </Typography.Paragraph>
            )}
            {data.filing.correctionRequest && (
              <Alert
                type="warning"
                title={`纠错意见：${data.filing.correctionRequest}`}
                description={data.filing.answer ? `答复：${data.filing.answer}` : undefined}
              />
            )}
            {a.answerFiling && (
              <div style={{ marginTop: 12 }}>
                <Button
                  type="primary"
                  onClick={() =>
                    setPending({
                      title: '答复纠错意见',
                      path: '',
                      fields: [
                        { name: 'answer', label: '纠错情况', type: 'textarea', required: true },
                        {
                          name: 'correctedText',
                          label: '纠正后的文本',
                          type: 'textarea',
                          required: true,
                          initial: d.bodyText,
                          help: '按纠错意见修改后的正文，保存为文件的新版本',
                        },
                      ],
                    })
                  }
                >
                  答复纠错意见
                </Button>
              </div>
            )}
            {a.reviewFiling && (
              <Space style={{ marginTop: 12 }}>
                <Button
                  type="primary"
                  onClick={() =>
                    setPending({
                      title: '准予备案',
                      path: 'review:accept',
                      fields: [{ name: 'opinion', label: '审查意见', type: 'textarea' }],
                    })
                  }
                >
                  准予备案
                </Button>
                <Button
                  onClick={() =>
                    setPending({
                      title: '退回纠错',
                      path: 'review:return',
                      fields: [
                        {
                          name: 'correctionRequest',
                          label: '纠错意见',
                          type: 'textarea',
                          required: true,
                        },
                        {
                          name: 'answerDueOn',
                          label: '纠错期限',
                          type: 'date',
                          help: '留空为30日',
                        },
                      ],
                    })
                  }
                >
                  退回纠错
                </Button>
              </Space>
            )}
          </Card>
        )}
        <Card
          title={h2('正文')}
          extra={
            a.edit && (
              <SourceUpload
                documentId={id}
                onDone={(res) => {
                  client.setQueryData(key, res);
                  message.success('已从 .docx 文件读取正文');
                }}
              />
            )
          }
        >
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
            {d.bodyText || '（尚未填写）'}
          </Typography.Paragraph>
          {d.interpretation && (
            <>
              <Typography.Title level={3} style={{ fontSize: 15 }}>
                政策解读
              </Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                {d.interpretation}
              </Typography.Paragraph>
            </>
          )}
        </Card>
        <LegalHistory events={data.events} versions={data.versions} currentId={d.id} />
        <Card title={h2('环节与期限')}>
          <StepsTable steps={data.procedure.steps} />
        </Card>
        <Card title={h2('办理记录')}>
          <EventsTimeline events={data.procedure.events} />
        </Card>
      </Space>
      {pending && (
        <FormModal
          title={pending.title}
          fields={pending.fields}
          onClose={() => setPending(null)}
          onSubmit={async (v) => {
            if (pending.path === '' && data.filing) {
              const res = await post<{ versionId: string }>(
                `/api/filings/${data.filing.id}/answer`,
                v,
              );
              await client.invalidateQueries({ queryKey: key });
              void client.invalidateQueries({ queryKey: ['worklist'] });
              setPending(null);
              message.success('已答复纠错意见，纠正后的文本已保存为新版本');
              navigate(`/documents/${res.versionId}`);
              return;
            }
            if (pending.path.startsWith('review:') && data.filing) {
              await post(`/api/filings/${data.filing.id}/review`, {
                decision: pending.path.slice(7),
                ...v,
              });
              await client.invalidateQueries({ queryKey: key });
              void client.invalidateQueries({ queryKey: ['worklist'] });
              void client.invalidateQueries({ queryKey: ['filings'] });
              setPending(null);
              message.success(`已办理：${pending.title}`);
              return;
            }
            await run(pending.path, pending.body ? pending.body(v) : v, pending.title);
          }}
        />
      )}
    </>
  );
}
