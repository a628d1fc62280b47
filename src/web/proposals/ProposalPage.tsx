import { useState } from 'react';
import { App, Button, Card, Descriptions, Result, Space, Spin } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { errorMessage, get, post } from '../lib/api.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { StepModal, type StepField } from '../decisions/StepModal.tsx';
import { CaseSteps, rememberToday, sectionTitle, today } from '../petitions/CaseSteps.tsx';
import { CONTACTS, FEEDBACKS, RESULTS, kindLabel, type ProposalPayload } from './types.ts';

const on = (): StepField => ({
  name: 'on',
  label: '办理日期',
  type: 'date',
  required: true,
  initial: today(),
});
interface Pending {
  title: string;
  path: string;
  fields: StepField[];
  action?: string;
}

export default function ProposalPage() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [pending, setPending] = useState<Pending | null>(null);
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
  const act = (action: string, title: string, fields: StepField[]) =>
    setPending({ title, path: '/act', action, fields: [on(), ...fields] });
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
                  onClick={() =>
                    act('contact', '与代表委员联系沟通', [
                      {
                        name: 'method',
                        label: '沟通方式',
                        type: 'select',
                        required: true,
                        options: CONTACTS,
                        initial: 'faceToFace',
                      },
                      { name: 'note', label: '沟通情况', type: 'textarea', required: true },
                    ])
                  }
                >
                  记录联系沟通
                </Button>
              )}
              {data.canAct && allowed.has('markDifficult') && (
                <Button
                  onClick={() =>
                    act('markDifficult', '确定为难度大的事项', [
                      {
                        name: 'reason',
                        label: '理由',
                        type: 'textarea',
                        required: true,
                        help: '答复期限延至交办之日起6个月',
                      },
                    ])
                  }
                >
                  延至6个月答复
                </Button>
              )}
              {data.canAct && allowed.has('reply') && (
                <Button
                  type="primary"
                  onClick={() =>
                    act('reply', '答复代表委员', [
                      {
                        name: 'resultCode',
                        label: '办理结果类别',
                        type: 'select',
                        options: RESULTS,
                      },
                      { name: 'replyText', label: '答复内容', type: 'textarea', required: true },
                    ])
                  }
                >
                  答复
                </Button>
              )}
              {data.canAct && allowed.has('feedback') && (
                <Button
                  onClick={() =>
                    act('feedback', '登记代表委员反馈', [
                      {
                        name: 'feedback',
                        label: '反馈意见',
                        type: 'select',
                        required: true,
                        options: FEEDBACKS,
                      },
                      { name: 'note', label: '反馈说明' },
                    ])
                  }
                >
                  登记反馈
                </Button>
              )}
              {data.canAct && p.repliedOn && !p.publishedOn && (
                <Button
                  onClick={() =>
                    setPending({
                      title: '在门户网站公开复文',
                      path: '/publish',
                      fields: [
                        {
                          name: 'text',
                          label: '公开的答复全文',
                          type: 'textarea',
                          required: true,
                          initial: p.replyText ?? '',
                          help: '须删除代表委员的联系方式、身份证号码等个人信息',
                        },
                      ],
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
                      path: '/co-opinion',
                      fields: [
                        {
                          name: 'on',
                          label: '提出日期',
                          type: 'date',
                          required: true,
                          initial: today(),
                        },
                        { name: 'opinion', label: '协办意见', type: 'textarea', required: true },
                      ],
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
                  ? `${CONTACTS.find((c) => c.value === p.contactMethod)?.label ?? ''}，${p.contactedOn}`
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
                children: FEEDBACKS.find((f) => f.value === p.feedback)?.label ?? '—',
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
          fields={pending.fields}
          files={false}
          onClose={() => setPending(null)}
          onSubmit={submit}
        />
      )}
    </>
  );
}
