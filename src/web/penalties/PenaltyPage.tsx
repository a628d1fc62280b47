import { useState } from 'react';
import { App, Alert, Button, Card, Descriptions, List, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { get, post } from '../lib/api.ts';
import { useTitle } from '../lib/useTitle.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { StepModal, YES_NO, type StepField } from '../decisions/StepModal.tsx';
import { AttachModal } from './AttachModal.tsx';
import { DOCUMENTS, PENALTY_TYPES, type FieldSpec, type PenaltyPayload } from './types.ts';

const num = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : Number(v));
const penaltyFields: StepField[] = [
  {
    name: 'type',
    label: '处罚种类',
    type: 'select',
    required: true,
    options: PENALTY_TYPES,
    initial: 'fine',
  },
  { name: 'fineAmount', label: '罚款金额（元）', type: 'number' },
  { name: 'confiscationAmount', label: '没收金额（元）', type: 'number' },
];
const withPenalty = (v: Record<string, unknown>) => {
  const { type, fineAmount, confiscationAmount, ...rest } = v;
  return {
    ...rest,
    types: type ? [type] : [],
    fineAmount: num(fineAmount),
    confiscationAmount: num(confiscationAmount),
  };
};

/** The acts with a form of their own; every other allowed act is rendered from its engine fields. */
function actForm(
  action: string,
  officers: PenaltyPayload['officers'],
): { fields: StepField[]; path: string; body: (v: Record<string, unknown>) => unknown } | null {
  const opts = officers.map((o) => ({ value: o.id, label: `${o.name}（${o.certificateNo}）` }));
  switch (action) {
    case 'assignOfficers':
      return {
        fields: [
          { name: 'officer1', label: '执法人员一', type: 'select', required: true, options: opts },
          { name: 'officer2', label: '执法人员二', type: 'select', required: true, options: opts },
        ],
        path: 'assign',
        body: (v) => ({ officerIds: [v.officer1, v.officer2] }),
      };
    case 'serveNotice':
      return {
        fields: [
          ...penaltyFields,
          { name: 'facts', label: '违法事实', type: 'textarea', required: true },
          { name: 'reasons', label: '理由', type: 'textarea', required: true },
          { name: 'basis', label: '依据', required: true },
        ],
        path: 'notice',
        body: withPenalty,
      };
    case 'scheduleHearing':
      return {
        fields: [
          { name: 'hearingOn', label: '听证日期', type: 'date', required: true },
          { name: 'place', label: '听证地点', required: true },
          { name: 'chair', label: '听证主持人（非本案调查人员）', required: true },
          { name: 'isPublic', label: '公开举行', type: 'select', options: YES_NO, initial: 'true' },
        ],
        path: 'hearing-notice',
        body: (v) => ({ ...v, isPublic: v.isPublic !== 'false' }),
      };
    case 'holdHearing':
      return {
        fields: [
          { name: 'record', label: '听证笔录', type: 'textarea', required: true },
          {
            name: 'signed',
            label: '笔录经当事人核对签字',
            type: 'select',
            options: YES_NO,
            initial: 'true',
          },
        ],
        path: 'hearing',
        body: (v) => ({ ...v, signed: v.signed !== 'false' }),
      };
    case 'submitLegalCheck':
      return {
        fields: [{ name: 'summary', label: '送审说明', type: 'textarea' }],
        path: 'legal-check',
        body: (v) => v,
      };
    case 'collectiveDiscussion':
      return {
        fields: [
          { name: 'meeting', label: '会议', required: true },
          { name: 'conclusion', label: '讨论结论', type: 'textarea', required: true },
        ],
        path: 'collective',
        body: (v) => v,
      };
    case 'decide':
      return {
        fields: [
          {
            name: 'decisionType',
            label: '决定类型',
            type: 'select',
            required: true,
            options: [
              { value: 'penalty', label: '给予行政处罚' },
              { value: 'noPenalty', label: '不予行政处罚' },
            ],
            initial: 'penalty',
          },
          ...penaltyFields,
          { name: 'facts', label: '违法事实和证据', type: 'textarea', required: true },
          { name: 'basis', label: '处罚依据', required: true },
          { name: 'discretionCode', label: '裁量情形代码' },
          { name: 'outsideRangeReason', label: '超出裁量幅度的理由', type: 'textarea' },
        ],
        path: 'decide',
        body: withPenalty,
      };
    case 'deliver':
      return {
        fields: [
          { name: 'method', label: '送达方式', required: true, initial: '直接送达' },
          { name: 'recipient', label: '受送达人', required: true },
        ],
        path: 'deliver',
        body: (v) => v,
      };
    case 'execute':
      return {
        fields: [
          { name: 'paidAmount', label: '实缴罚没款（元）', type: 'number' },
          { name: 'note', label: '执行情况', type: 'textarea', required: true },
        ],
        path: 'execute',
        body: (v) => ({ ...v, paidAmount: num(v.paidAmount) }),
      };
    case 'publish':
      return {
        fields: [{ name: 'publicSummary', label: '公开摘要', type: 'textarea' }],
        path: 'publish',
        body: (v) => v,
      };
    case 'close':
      return { fields: [], path: 'close', body: () => ({}) };
    case 'fileRecord':
      return { fields: [], path: 'file-record', body: () => ({}) };
    case 'revoke':
      return {
        fields: [
          { name: 'reason', label: '理由', type: 'textarea', required: true },
          { name: 'by', label: '作出机关', required: true },
        ],
        path: 'revoke',
        body: (v) => v,
      };
    case 'withdrawPublication':
      return {
        fields: [{ name: 'reason', label: '公开说明的理由', type: 'textarea', required: true }],
        path: 'withdraw',
        body: (v) => v,
      };
    case 'open':
    case 'decideOnSpot':
    case 'concludeLegalReview':
      return null;
    default:
      return null;
  }
}

const PLAIN = [
  'collectEvidence',
  'preserveEvidence',
  'decidePreservation',
  'classify',
  'statement',
  'waiveRights',
  'requestHearing',
  'withdrawHearing',
  'extendDecision',
  'exemptPublication',
  'terminate',
];

/** One 行政处罚 case: its steps and deadlines, acts as dialogs, documents and the 全过程记录. */
export default function PenaltyPage() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [act, setAct] = useState<{ action: string; label: string; fields?: FieldSpec[] } | null>(
    null,
  );
  const [attaching, setAttaching] = useState(false);
  const { data } = useQuery({
    queryKey: ['penalty', id],
    queryFn: () => get<PenaltyPayload>(`/api/penalties/${id}`),
  });
  useTitle(data?.penalty.title ?? '行政处罚案件');
  if (!data) return null;
  const p = data.penalty;
  const form = act ? actForm(act.action, data.officers) : null;
  const plain = act && !form && PLAIN.includes(act.action);
  return (
    <>
      <PageHeader title={p.title} extra={<Tag>{data.state.statusLabel}</Tag>} />
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Card title="案件信息">
          <Descriptions
            column={2}
            size="small"
            items={[
              { key: 'no', label: '案号', children: p.caseNo },
              { key: 'mode', label: '程序', children: p.modeLabel },
              { key: 'party', label: '当事人', children: `${p.partyName}（${p.partyKindLabel}）` },
              { key: 'opened', label: '立案日期', children: p.openedOn },
              { key: 'officers', label: '执法人员', children: p.officerNames.join('、') || '—' },
              { key: 'decision', label: '决定书文号', children: p.decisionNo ?? '—' },
              {
                key: 'types',
                label: '处罚',
                children: p.typesLabel
                  ? `${p.typesLabel}${p.fineAmount ? `，罚款${p.fineAmount}元` : ''}`
                  : '—',
              },
              {
                key: 'pub',
                label: '公开',
                children: p.withdrawnOn
                  ? `已撤回（${p.withdrawnOn}）`
                  : p.publishedOn
                    ? `已公开（${p.publishedOn}）`
                    : p.publicationDueOn
                      ? `应于${p.publicationDueOn}前公开`
                      : '—',
              },
            ]}
          />
          {data.payment.surcharge > 0 && (
            <Alert
              style={{ marginTop: 12 }}
              type="warning"
              showIcon
              title={`罚款逾期${data.payment.daysLate}日，加处罚款${data.payment.surcharge}元（行政处罚法第七十二条）`}
            />
          )}
        </Card>
        <Card title="待办环节">
          <List
            size="small"
            dataSource={data.state.openSteps}
            locale={{ emptyText: '暂无待办环节' }}
            renderItem={(s) => (
              <List.Item>
                {s.label}
                {s.due ? `：${s.overdue ? '已逾期，' : ''}期限 ${s.due.date}` : ''}
              </List.Item>
            )}
          />
          <Space wrap style={{ marginTop: 12 }}>
            {data.state.allowed
              .filter((a) => actForm(a.action, data.officers) || PLAIN.includes(a.action))
              .map((a) => (
                <Button key={a.action} onClick={() => setAct(a)}>
                  {a.label}
                </Button>
              ))}
          </Space>
          {data.mayAct && data.state.blocked.length > 0 && (
            <List
              size="small"
              header="暂不能办理"
              dataSource={data.state.blocked}
              renderItem={(b) => (
                <List.Item>
                  {b.label}：{b.reason}
                </List.Item>
              )}
            />
          )}
        </Card>
        <Card title="案件文书">
          <Space wrap>
            {DOCUMENTS.map((d) => (
              <a key={d.kind} href={`/api/penalties/${p.id}/documents/${d.kind}`} download>
                {d.label}
              </a>
            ))}
          </Space>
        </Card>
        <Card
          title="全过程记录"
          extra={data.mayAct ? <Button onClick={() => setAttaching(true)}>附入材料</Button> : null}
        >
          <Table
            size="small"
            rowKey="seq"
            pagination={false}
            dataSource={data.events}
            columns={[
              { title: '序号', dataIndex: 'seq' },
              { title: '环节', dataIndex: 'label' },
              { title: '日期', dataIndex: 'on' },
            ]}
          />
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            style={{ marginTop: 12 }}
            dataSource={data.files}
            locale={{ emptyText: '暂无附件' }}
            columns={[
              { title: '环节', dataIndex: 'actLabel' },
              { title: '类型', dataIndex: 'kindLabel' },
              { title: '文件', render: (_, f) => <a href={`/api/files/${f.fileId}`}>{f.name}</a> },
              { title: 'SHA-256', render: (_, f) => <code>{f.sha256.slice(0, 16)}…</code> },
            ]}
          />
        </Card>
      </Space>
      {attaching && (
        <AttachModal
          penaltyId={p.id}
          events={data.events}
          onClose={() => setAttaching(false)}
          onDone={(n) => {
            setAttaching(false);
            void client.invalidateQueries({ queryKey: ['penalty', id] });
            message.success(`已附入${n}个文件`);
          }}
        />
      )}
      {act && (form || plain) && (
        <StepModal
          title={act.label}
          files={false}
          fields={form ? form.fields : (act.fields ?? []).map((f) => ({ ...f, help: undefined }))}
          onClose={() => setAct(null)}
          onSubmit={async (v) => {
            if (form) await post(`/api/penalties/${p.id}/${form.path}`, form.body(v));
            else
              await post(`/api/penalties/${p.id}/acts/${act.action}`, {
                data: Object.fromEntries(
                  Object.entries(v).map(([k, x]) => [
                    k,
                    x === 'true' ? true : x === 'false' ? false : x,
                  ]),
                ),
              });
            await client.invalidateQueries({ queryKey: ['penalty', id] });
            void client.invalidateQueries({ queryKey: ['penalties'] });
            message.success(`已办理：${act.label}`);
            setAct(null);
          }}
        />
      )}
    </>
  );
}
