import { useState } from 'react';
import { App, Alert, Button, Card, Descriptions, List, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { get, post } from '../lib/api.ts';
import { useTitle } from '../lib/useTitle.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { StepModal } from '../decisions/StepModal.tsx';
import type { FormField } from '../lib/ActForm.tsx';
import { filled, formBody } from '../lib/forms.ts';
import { AttachModal } from './AttachModal.tsx';
import { DOCUMENTS, type FieldSpec, type PenaltyPayload } from './types.ts';

const num = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : Number(v));
// A form's one 处罚种类 as the routes' list of kinds.
const withPenalty = (v: Record<string, unknown>) => {
  const { type, fineAmount, confiscationAmount, ...rest } = v;
  return {
    ...rest,
    types: type ? [type] : [],
    fineAmount: num(fineAmount),
    confiscationAmount: num(confiscationAmount),
  };
};

/**
 * The acts with a form of their own (its fields as the server declares them, `forms` of the case
 * view); every other allowed act is rendered from its engine fields.
 */
function actForm(
  action: string,
  forms: PenaltyPayload['forms'],
): { fields: FormField[]; path: string; body: (v: Record<string, unknown>) => unknown } | null {
  const form = (
    key: string,
    path: string,
    body: (v: Record<string, unknown>) => unknown = formBody(forms[key] ?? []),
  ) => ({ fields: forms[key] ?? [], path, body });
  switch (action) {
    case 'assignOfficers':
      return form('assign', 'assign', (v) => ({ officerIds: [v.officer1, v.officer2] }));
    case 'serveNotice':
      return {
        ...form('notice', 'notice', withPenalty),
        fields: filled(forms.notice ?? [], { initial: { type: 'fine' } }),
      };
    case 'scheduleHearing':
      return {
        ...form('hearingNotice', 'hearing-notice'),
        fields: filled(forms.hearingNotice ?? [], { initial: { isPublic: 'true' } }),
      };
    case 'holdHearing':
      return {
        ...form('hearing', 'hearing'),
        fields: filled(forms.hearing ?? [], { initial: { signed: 'true' } }),
      };
    case 'submitLegalCheck':
      return form('legalCheck', 'legal-check');
    case 'collectiveDiscussion':
      return form('collective', 'collective');
    case 'decide':
      return {
        ...form('decide', 'decide', withPenalty),
        fields: filled(forms.decide ?? [], { initial: { decisionType: 'penalty', type: 'fine' } }),
      };
    case 'deliver':
      return {
        ...form('deliver', 'deliver'),
        fields: filled(forms.deliver ?? [], { initial: { method: '直接送达' } }),
      };
    case 'execute':
      return form('execute', 'execute', (v) => ({ ...v, paidAmount: num(v.paidAmount) }));
    case 'publish':
      return form('publish', 'publish');
    case 'close':
      return { fields: [], path: 'close', body: () => ({}) };
    case 'fileRecord':
      return { fields: [], path: 'file-record', body: () => ({}) };
    case 'revoke':
      return form('revoke', 'revoke');
    case 'withdrawPublication':
      return form('withdraw', 'withdraw');
    default:
      // open, decideOnSpot, concludeLegalReview: not acts of this page.
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
  const form = act ? actForm(act.action, data.forms) : null;
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
              .filter((a) => actForm(a.action, data.forms) || PLAIN.includes(a.action))
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
          fields={data.forms.attach ?? []}
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
