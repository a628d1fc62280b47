import { useState } from 'react';
import { App, Button, Card, Descriptions, Result, Space, Spin, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { errorMessage, get, post } from '../lib/api.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { StepModal, type StepField } from '../decisions/StepModal.tsx';
import { filled } from '../lib/forms.ts';
import { CaseSteps, rememberToday, sectionTitle, today, type Options } from './CaseSteps.tsx';
import { CATEGORIES, CHANNELS, label, type PetitionPayload } from './types.ts';

/**
 * The form of an act the engine currently allows, as the server declares it (forms.ts), with the
 * day's date and the department's people and divisions the 检举控告 handlers are chosen from.
 */
function fieldsOf(
  forms: PetitionPayload['forms'],
  action: string,
  opts: Options | undefined,
): StepField[] | null {
  const declared = forms?.[action];
  if (!declared) return null;
  const people = (opts?.people ?? []).map((p) => ({ value: p.id, label: p.name }));
  const orgs = (opts?.orgs ?? []).map((o) => ({ value: o.id, label: o.name }));
  const day = today();
  return filled(declared, {
    initial: { on: day, toldOn: day, servedOn: day },
    options: { handler1: people, handler2: people, accusedOrgId: orgs },
  });
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
  // The 处理意见's labels are the options of the declared answer form.
  const decisions = data.forms?.answer?.find((f) => f.name === 'decision')?.options ?? [];
  const submit = async (v: Record<string, unknown>) => {
    if (!pending) return;
    const res = await post<PetitionPayload>(`/api/petitions/${id}/act`, {
      action: pending.action,
      ...v,
    });
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
                const fields = fieldsOf(data.forms, a.action, opts);
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
                children: p.decision ? `${label(decisions, p.decision)}（${p.answeredOn}）` : '—',
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
