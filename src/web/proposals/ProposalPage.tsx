import { useState } from 'react';
import { App, Button, Card, Descriptions, Result, Space, Spin } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { errorMessage, get, post } from '../lib/api.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { StepModal } from '../decisions/StepModal.tsx';
import { filled } from '../lib/forms.ts';
import { CaseSteps, rememberToday, sectionTitle, today } from '../petitions/CaseSteps.tsx';
import { optionLabel, useKindLabel, type ProposalPayload } from './types.ts';
import type { ProposalForm } from '../../modules/proposals/forms.ts';

/** A form of the page: its declared fields (data.forms), where it posts, its initial values. */
interface Pending {
  title: string;
  form: ProposalForm;
  path: string;
  action?: string;
  initial?: Record<string, string | undefined>;
}

export default function ProposalPage() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [pending, setPending] = useState<Pending | null>(null);
  const kindLabel = useKindLabel();
  const key = ['proposal', id];
  const { data, isPending, error } = useQuery({
    queryKey: key,
    queryFn: () => get<ProposalPayload>(`/api/proposals/${encodeURIComponent(id)}`),
  });
  if (isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (error || !data)
    return <Result status="error" title="无法打开该建议提案" subTitle={errorMessage(error)} />;
  rememberToday(data.today);
  const p = data.proposal;
  const allowed = new Set(data.state.allowed.map((a) => a.action));
  const act = (action: ProposalForm, title: string, initial: Record<string, string> = {}) =>
    setPending({ title, form: action, path: '/act', action, initial: { on: today(), ...initial } });
  const label = (form: ProposalForm, name: string, v: string | null) =>
    v ? optionLabel(data.forms[form], name, v) : undefined;
  const submit = async (v: Record<string, unknown>) => {
    if (!pending) return;
    const res = await post<ProposalPayload>(
      `/api/proposals/${id}${pending.path}`,
      pending.action ? { action: pending.action, ...v } : v,
    );
    client.setQueryData(key, res);
    void client.invalidateQueries({ queryKey: ['proposals'] });
    setPending(null);
    message.success(`已办理：${pending.title}`);
  };
  return (
    <>
      <PageHeader
        title={p.title}
        subTitle={`${kindLabel(p.kind)}第${p.number}号 · ${data.state.statusLabel}`}
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card
          title={sectionTitle('办理')}
          extra={
            <Space wrap>
              {data.canAct && allowed.has('contact') && (
                <Button
                  onClick={() => act('contact', '与代表委员联系沟通', { method: 'faceToFace' })}
                >
                  记录联系沟通
                </Button>
              )}
              {data.canAct && allowed.has('markDifficult') && (
                <Button onClick={() => act('markDifficult', '确定为难度大的事项')}>
                  延至6个月答复
                </Button>
              )}
              {data.canAct && allowed.has('reply') && (
                <Button type="primary" onClick={() => act('reply', '答复代表委员')}>
                  答复
                </Button>
              )}
              {data.canAct && allowed.has('feedback') && (
                <Button onClick={() => act('feedback', '登记代表委员反馈')}>登记反馈</Button>
              )}
              {data.canAct && p.repliedOn && !p.publishedOn && (
                <Button
                  onClick={() =>
                    setPending({
                      title: '在门户网站公开复文',
                      form: 'publish',
                      path: '/publish',
                      initial: { text: p.replyText ?? undefined },
                    })
                  }
                >
                  公开复文
                </Button>
              )}
              {data.canCoOpinion && (
                <Button
                  onClick={() =>
                    setPending({
                      title: '提出协办意见',
                      form: 'coOpinion',
                      path: '/co-opinion',
                      initial: { on: today() },
                    })
                  }
                >
                  提出协办意见
                </Button>
              )}
            </Space>
          }
        >
          <Descriptions
            column={1}
            items={[
              { key: 'a', label: '代表委员', children: p.proposer },
              { key: 'b', label: '交办', children: `${p.assignedBy}，${p.assignedOn}` },
              {
                key: 'c',
                label: '答复期限',
                children: `${p.dueOn}${p.difficult ? `（难度大的事项：${p.difficultReason}）` : ''}`,
              },
              {
                key: 'd',
                label: '联系沟通',
                children: p.contactedOn
                  ? `${label('contact', 'method', p.contactMethod) ?? ''}，${p.contactedOn}`
                  : '尚未联系',
              },
              {
                key: 'o',
                label: '协办意见',
                children: data.opinions.length
                  ? data.opinions.map((o) => `${o.submittedOn}：${o.opinion}`).join('；')
                  : '—',
              },
              {
                key: 'e',
                label: '答复',
                children: p.repliedOn ? `${p.repliedOn}，${p.resultCode}类` : '—',
              },
              {
                key: 'f',
                label: '代表委员反馈',
                children: label('feedback', 'feedback', p.feedback) ?? '—',
              },
              {
                key: 'g',
                label: '复文公开',
                children: p.publishedOn ? (
                  <a href={`/jyta/${p.id}`}>{`已于${p.publishedOn}公开`}</a>
                ) : (
                  '未公开'
                ),
              },
            ]}
          />
        </Card>
        <CaseSteps state={data.state} />
      </Space>
      {pending && (
        <StepModal
          title={pending.title}
          fields={filled(data.forms[pending.form], { initial: pending.initial })}
          files={false}
          onClose={() => setPending(null)}
          onSubmit={submit}
        />
      )}
    </>
  );
}
