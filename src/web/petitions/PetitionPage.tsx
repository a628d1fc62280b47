import { useState } from 'react';
import { App, Button, Card, Descriptions, Result, Space, Spin, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { errorMessage, get, post } from '../lib/api.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { StepModal, type StepField } from '../decisions/StepModal.tsx';
import { CaseSteps, rememberToday, sectionTitle, today, type Options } from './CaseSteps.tsx';
import { CATEGORIES, CHANNELS, DECISIONS, label, type PetitionPayload } from './types.ts';

const text = (name: string, l: string, required = true): StepField => ({
  name,
  label: l,
  type: 'textarea',
  required,
});
const on = (): StepField => ({
  name: 'on',
  label: '办理日期',
  type: 'date',
  required: true,
  initial: today(),
});

/** The form of each act the engine currently allows (the codes are the procedure's). */
function fieldsOf(action: string, opts: Options | undefined): StepField[] | null {
  const people = (opts?.people ?? []).map((p) => ({ value: p.id, label: p.name }));
  const orgs = (opts?.orgs ?? []).map((o) => ({ value: o.id, label: o.name }));
  switch (action) {
    case 'accept':
      return [on(), text('noticeText', '告知内容')];
    case 'object':
      return [on(), text('reason', '异议理由')];
    case 'classify':
      return [
        on(),
        {
          name: 'category',
          label: '信访事项类别',
          type: 'select',
          required: true,
          options: CATEGORIES,
        },
        { name: 'handler1', label: '承办人（检举控告类必填）', type: 'select', options: people },
        { name: 'handler2', label: '第二承办人', type: 'select', options: people },
        { name: 'accusedOrgId', label: '被检举控告的科室', type: 'select', options: orgs },
      ];
    case 'redirect':
      return [
        on(),
        { name: 'route', label: '法定途径', required: true, help: '如：行政复议、行政诉讼、仲裁' },
      ];
    case 'extend':
      return [
        on(),
        {
          name: 'days',
          label: '延长天数',
          type: 'number',
          required: true,
          help: '不超过30日（信访工作条例第三十四条）',
        },
        text('reason', '延期理由'),
        { name: 'approvedBy', label: '批准的负责人' },
        {
          name: 'toldOn',
          label: '告知信访人延期理由日期',
          type: 'date',
          required: true,
          initial: today(),
        },
      ];
    case 'answer':
      return [
        on(),
        { name: 'decision', label: '处理意见', type: 'select', required: true, options: DECISIONS },
        text('facts', '事实和理由'),
        text('opinion', '处理意见书内容'),
        text('basis', '法律依据'),
        { name: 'servedOn', label: '送达日期', type: 'date', required: true, initial: today() },
      ];
    case 'requestReview':
      return [on(), text('request', '复查请求')];
    case 'reviewOpinion':
      return [
        on(),
        { name: 'decision', label: '复查意见', type: 'select', required: true, options: DECISIONS },
        { name: 'servedOn', label: '送达日期', type: 'date', required: true, initial: today() },
      ];
    case 'requestRecheck':
      return [on(), text('request', '复核请求')];
    case 'hearingStart':
      return [on(), { name: 'note', label: '听证说明' }];
    case 'hearingEnd':
      return [on()];
    case 'recheckOpinion':
      return [
        on(),
        { name: 'decision', label: '复核意见', type: 'select', required: true, options: DECISIONS },
      ];
    default:
      return null;
  }
}

export default function PetitionPage() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [pending, setPending] = useState<{
    action: string;
    label: string;
    fields: StepField[];
  } | null>(null);
  const key = ['petition', id];
  const { data, isPending, error } = useQuery({
    queryKey: key,
    queryFn: () => get<PetitionPayload>(`/api/petitions/${encodeURIComponent(id)}`),
  });
  const { data: opts } = useQuery({
    queryKey: ['petition-options'],
    queryFn: () => get<Options>('/api/petitions/options'),
  });
  if (isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (error || !data?.petition || !data.state)
    return <Result status="error" title="无法打开该信访事项" subTitle={errorMessage(error)} />;
  rememberToday(data.today);
  const p = data.petition;
  const state = data.state;
  const submit = async (v: Record<string, unknown>) => {
    if (!pending) return;
    const { handler1, handler2, ...rest } = v;
    const body = {
      action: pending.action,
      ...rest,
      ...(pending.action === 'classify'
        ? { handlerIds: [handler1, handler2].filter(Boolean) }
        : {}),
    };
    const res = await post<PetitionPayload>(`/api/petitions/${id}/act`, body);
    setPending(null);
    message.success(`已办理：${pending.label}`);
    void client.invalidateQueries({ queryKey: ['petitions'] });
    if (!res.petition) navigate('/petitions');
    else client.setQueryData(key, res);
  };
  return (
    <>
      <PageHeader
        title={`信访事项${p.number}`}
        subTitle={`${p.receivedOn}收到 · ${state.statusLabel}`}
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card
          title={sectionTitle('办理')}
          extra={
            <Space wrap>
              {state.allowed.map((a) => {
                const fields = fieldsOf(a.action, opts);
                return fields ? (
                  <Button
                    key={a.action}
                    onClick={() => setPending({ action: a.action, label: a.label, fields })}
                  >
                    {a.label}
                  </Button>
                ) : null;
              })}
              {p.answeredOn && (
                <Button type="link" href={`/api/petitions/${p.id}/opinion.docx`}>
                  下载信访处理意见书
                </Button>
              )}
            </Space>
          }
        >
          {state.blocked.length ? (
            <Typography.Paragraph type="secondary">
              {state.blocked.map((b) => `${b.label}：${b.reason}`).join('；')}
            </Typography.Paragraph>
          ) : null}
          <Descriptions
            column={1}
            items={[
              {
                key: 'c',
                label: '渠道',
                children:
                  label(CHANNELS, p.channel) +
                  (p.transferredBy ? `（${p.transferredBy}转送）` : ''),
              },
              {
                key: 'n',
                label: '信访人',
                children: `${p.petitionerName}${p.petitionerPhone ? ` ${p.petitionerPhone}` : ''}${p.personalDataMasked ? '（已脱敏）' : ''}`,
              },
              {
                key: 'x',
                label: '信访内容',
                children: <span style={{ whiteSpace: 'pre-wrap' }}>{p.content}</span>,
              },
              { key: 'k', label: '类别', children: label(CATEGORIES, p.category) },
              { key: 't', label: '书面告知日期', children: p.noticeOn ?? '尚未告知' },
              {
                key: 'd',
                label: '处理意见',
                children: p.decision ? `${label(DECISIONS, p.decision)}（${p.answeredOn}）` : '—',
              },
              ...(p.trackingCode
                ? [{ key: 'q', label: '好差评查询码', children: <code>{p.trackingCode}</code> }]
                : []),
            ]}
          />
        </Card>
        <CaseSteps state={state} />
      </Space>
      {pending && (
        <StepModal
          title={pending.label}
          fields={pending.fields}
          files={false}
          onClose={() => setPending(null)}
          onSubmit={submit}
        />
      )}
    </>
  );
}
