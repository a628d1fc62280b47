import { useState } from 'react';
import { App, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { get, post } from '../lib/api.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { FormModal } from './FormModal.tsx';
import type { FormField } from '../lib/ActForm.tsx';
import { filled } from '../lib/forms.ts';
import type { Acts } from '../../core/cases/acts.ts';
import type { FILING_ACTS } from '../../modules/documents/filingQueue.ts';

interface Materials {
  legalReview: { on: string; conclusion: string; opinion: string } | null;
  collectiveDecision: { on: string; meetingName: string; decision: string } | null;
  correctedVersion: {
    id: string;
    version: number;
    bodyText: string;
    publishedOn: string | null;
  } | null;
}
/** A filing of the queue; `acts`: the decisions this actor may take on it now (the engine's, by the server). */
interface Row extends Acts<keyof typeof FILING_ACTS> {
  documentId: string;
  title: string;
  statusLabel: string;
  docNumber: string | null;
  department: string;
  publishedOn: string;
  effectiveOn: string | null;
  validUntil: string | null;
  bodyText: string;
  draftingExplanation: string;
  legalBases: string;
  interpretation: string;
  materials: Materials;
  filing: {
    id: string;
    submittedOn: string;
    dueOn: string;
    filingNo: string | null;
    correctionRequest: string | null;
    returnedOn: string | null;
    answer: string | null;
    answeredOn: string | null;
    reviewOpinion: string | null;
    acceptedOn: string | null;
  };
}

const pre = (text: string) => (
  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
    {text || '—'}
  </Typography.Paragraph>
);

/** What was filed: the 备案报告 (the filing record), the document, its 起草说明, 合法性审核 and 集体审议, the 纠错 exchange. */
function FilingMaterials({ r }: { r: Row }) {
  const m = r.materials;
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      title="备案材料"
      items={[
        {
          key: 'report',
          label: '备案报告',
          children: `${r.department}报送《${r.title}》（${r.docNumber ?? '无文号'}）备案，${r.publishedOn}发布，${r.effectiveOn ?? r.publishedOn}起施行，有效期至${r.validUntil ?? '—'}；报送日期${r.filing.submittedOn}，报送期限${r.filing.dueOn}${r.filing.filingNo ? `，备案登记号${r.filing.filingNo}` : ''}。`,
        },
        { key: 'bases', label: '制定依据', children: pre(r.legalBases) },
        { key: 'explanation', label: '起草说明', children: pre(r.draftingExplanation) },
        {
          key: 'review',
          label: '合法性审核意见',
          children: m.legalReview ? pre(`${m.legalReview.on}：${m.legalReview.opinion}`) : '—',
        },
        {
          key: 'decision',
          label: '集体审议',
          children: m.collectiveDecision
            ? `${m.collectiveDecision.meetingName}（${m.collectiveDecision.on}）`
            : '—',
        },
        { key: 'body', label: '文件正文', children: pre(r.bodyText) },
        { key: 'interpretation', label: '政策解读', children: pre(r.interpretation) },
        ...(r.filing.correctionRequest
          ? [
              {
                key: 'correction',
                label: '纠错意见',
                children: `${r.filing.correctionRequest}（${r.filing.returnedOn}）`,
              },
            ]
          : []),
        ...(r.filing.answer
          ? [
              {
                key: 'answer',
                label: '纠错情况',
                children: `${r.filing.answer}（${r.filing.answeredOn}）`,
              },
            ]
          : []),
        ...(m.correctedVersion
          ? [
              {
                key: 'corrected',
                label: `纠正后的文本（第${m.correctedVersion.version}版）`,
                children: pre(m.correctedVersion.bodyText),
              },
            ]
          : []),
      ]}
    />
  );
}

/** The 司法局's own opinion: 准予备案 with its opinion, or the 纠错意见 (the department's answer is shown with the materials). */
function opinionOf(r: Row): string {
  if (r.filing.acceptedOn) return r.filing.reviewOpinion ?? '准予备案';
  return r.filing.correctionRequest ? `纠错意见：${r.filing.correctionRequest}` : '—';
}

/** The oversight body's filing queue across departments: read the materials, accept, or return for 纠错. */
export default function FilingsPage() {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [target, setTarget] = useState<{ row: Row; decision: 'accept' | 'return' } | null>(null);
  const { data, isPending } = useQuery({
    queryKey: ['filings'],
    queryFn: () => get<{ items: Row[]; forms: Record<string, FormField[]> }>('/api/filings'),
  });
  return (
    <>
      <PageHeader title="规范性文件备案审查" subTitle="各部门报送备案的行政规范性文件" />
      <Card>
        <Table<Row>
          rowKey={(r) => r.filing.id}
          loading={isPending}
          dataSource={data?.items ?? []}
          expandable={{
            expandedRowRender: (r) => <FilingMaterials r={r} />,
            expandRowByClick: false,
            columnTitle: '材料',
          }}
          columns={[
            { title: '报送部门', dataIndex: 'department' },
            {
              title: '文件名称',
              render: (_, r) => <Link to={`/documents/${r.documentId}`}>{r.title}</Link>,
            },
            { title: '文号', dataIndex: 'docNumber' },
            {
              title: '报送日期',
              render: (_, r) => (
                <>
                  {r.filing.submittedOn}
                  {r.filing.submittedOn > r.filing.dueOn ? (
                    <Tag style={{ marginInlineStart: 8 }}>逾期报送</Tag>
                  ) : null}
                </>
              ),
            },
            { title: '状态', dataIndex: 'statusLabel' },
            { title: '审查意见', render: (_, r) => opinionOf(r) },
            {
              title: '审查',
              render: (_, r) =>
                r.acts.accept || r.acts.return ? (
                  <Space>
                    {r.acts.accept && (
                      <Button
                        size="small"
                        type="primary"
                        onClick={() => setTarget({ row: r, decision: 'accept' })}
                      >
                        准予备案
                      </Button>
                    )}
                    {r.acts.return && (
                      <Button
                        size="small"
                        onClick={() => setTarget({ row: r, decision: 'return' })}
                      >
                        退回纠错
                      </Button>
                    )}
                  </Space>
                ) : r.filing.acceptedOn ? (
                  `已于${r.filing.acceptedOn}准予备案`
                ) : (
                  r.blocked.map((b) => `${b.label}：${b.reason}`).join('；') || '等待制定机关纠错'
                ),
            },
          ]}
        />
      </Card>
      {target && (
        <FormModal
          title={target.decision === 'accept' ? '准予备案' : '退回纠错'}
          fields={filled(data?.forms[target.decision] ?? [])}
          onClose={() => setTarget(null)}
          onSubmit={async (v) => {
            await post(`/api/filings/${target.row.filing.id}/review`, {
              decision: target.decision,
              ...v,
            });
            setTarget(null);
            await client.invalidateQueries({ queryKey: ['filings'] });
            void client.invalidateQueries({ queryKey: ['worklist'] });
            message.success('已审查');
          }}
        />
      )}
    </>
  );
}
