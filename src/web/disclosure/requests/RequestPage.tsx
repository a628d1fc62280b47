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
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { ApiError, errorMessage, get } from '../../lib/api.ts';
import dayjs from 'dayjs';
import { DATE, dateCn } from '../../lib/format.ts';
import type { CaseAction } from '../../lib/types.ts';
import { PageHeader } from '../../layout/PageHeader.tsx';
import { ActionModal } from '../../cases/ActionModal.tsx';
import { EventsTimeline } from '../../cases/EventsTimeline.tsx';
import { StepsTable } from '../../cases/StepsTable.tsx';
import type { RequestDetail } from './types.ts';
import { AnswerModal, DeliveryModal, FeeModal } from './AnswerModals.tsx';
import { ReleasedFiles } from './ReleasedFiles.tsx';
import { ExtensionModal, PendingApproval } from './Approvals.tsx';

// Acts with their own forms here (the request service records them); the rest use the generic case form.
// answerDraft: own form with the outcome list and default legal basis; extendRequest: asked here, approved by the approver.
const OWN = new Set(['answerDraft', 'feeNotice', 'extendRequest']);

/** 条例 Art 31(2): how a request by post was received (签收, or the letter's arrival and the confirmation with the applicant). */
function receiptText(p: RequestDetail['request']['receipt']): string {
  return [
    p.signedOn && `本机关${dateCn(p.signedOn)}签收`,
    p.mailNumber && `邮件号码${p.mailNumber}`,
    p.arrivedOn && `信函${dateCn(p.arrivedOn)}收到`,
    p.confirmedOn &&
      `${dateCn(p.confirmedOn)}与申请人确认${p.confirmation ? `（${p.confirmation}）` : ''}`,
    p.lateReason && `未能当日确认的原因：${p.lateReason}`,
  ]
    .filter(Boolean)
    .join('，');
}

/** One request: applicant data (disclosure office only), deadlines with explanations, timeline, actions, answer. */
export default function RequestPage() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [modal, setModal] = useState<
    CaseAction | 'answer' | 'fee' | 'delivery' | 'extension' | null
  >(null);
  const key = ['disclosureRequest', id];
  const { data, isPending, error } = useQuery({
    queryKey: key,
    queryFn: () => get<RequestDetail>(`/api/disclosure/requests/${encodeURIComponent(id)}`),
  });
  if (isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (error || !data)
    return (
      <Result
        status={error instanceof ApiError && error.status === 404 ? '404' : 'error'}
        title="无法打开该申请"
        subTitle={errorMessage(error)}
      />
    );
  const r = data.request;
  const today = data.today ?? dayjs().format(DATE);
  const done = (label: string) => {
    void client.invalidateQueries({ queryKey: key });
    void client.invalidateQueries({ queryKey: ['disclosureRequests'] });
    setModal(null);
    message.success(`已办理：${label}`);
  };
  const allowed = (code: string) => data.actions.some((a) => a.action === code);
  const h2 = (t: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{t}</h2>;
  return (
    <>
      <PageHeader
        title={r.description ?? '（申请内容未提供）'}
        subTitle={`政府信息公开申请 · 收到于${dateCn(r.receivedOn)}`}
        extra={<Tag>{data.case.statusLabel}</Tag>}
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {r.missing.length > 0 && !data.answer && (
          <Alert
            type="warning"
            title="申请要素不全"
            description={`缺少：${r.missing.join('；')}。应当自收到申请之日起7个工作日内一次性告知申请人补正（条例第三十条）。`}
          />
        )}
        <Card title={h2('申请人与申请内容')}>
          {r.personalDataMasked && (
            <Alert
              style={{ marginBottom: 12 }}
              type="info"
              title="申请人个人信息已部分隐去"
              description="依照个人信息保护法第六条（最小必要），申请人的姓名、身份证件号码、联系方式、地址和查询码仅承办科室、办公室和局领导可以查看。"
            />
          )}
          <Descriptions
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'type', label: '申请人类型', children: r.reportColumnLabel },
              { key: 'name', label: '姓名或名称', children: r.name ?? '（未提供）' },
              {
                key: 'id',
                label: r.applicantKind === 'legalPerson' ? '统一社会信用代码' : '身份证件',
                children:
                  (r.applicantKind === 'legalPerson'
                    ? r.creditCode
                    : [r.idTypeLabel, r.idNumber].filter(Boolean).join(' ')) || '（未提供）',
              },
              { key: 'phone', label: '联系电话', children: r.phone ?? '—' },
              { key: 'email', label: '电子邮箱', children: r.email ?? '—' },
              { key: 'address', label: '通信地址', children: r.address ?? '—' },
              {
                key: 'form',
                label: '载体形式 / 获取方式',
                children: [r.formLabel, r.deliveryLabel].filter(Boolean).join(' / ') || '—',
              },
              { key: 'channel', label: '申请渠道', children: r.channelLabel },
              {
                key: 'received',
                label: '收到申请之日',
                children: [dateCn(r.receivedOn), receiptText(r.receipt)].filter(Boolean).join('；'),
              },
              {
                key: 'code',
                label: '查询码',
                children: r.personalDataMasked ? (
                  '（已隐去）'
                ) : (
                  <Typography.Text copyable code>
                    {r.trackingCode}
                  </Typography.Text>
                ),
              },
              {
                key: 'month',
                label: '本月申请件次',
                children: `该申请人本自然月第${r.monthlyOrdinal}件`,
              },
            ]}
          />
        </Card>
        <Card title={h2('办理')}>
          <Space wrap>
            {allowed('answerDraft') && (
              <Button type="primary" onClick={() => setModal('answer')}>
                拟定答复并提请审签
              </Button>
            )}
            {allowed('feeNotice') && <Button onClick={() => setModal('fee')}>发出收费通知</Button>}
            {allowed('extendRequest') && (
              <Button onClick={() => setModal('extension')}>申请延长答复期限</Button>
            )}
            {data.actions
              .filter((a) => !OWN.has(a.action))
              .map((a) => (
                <Button key={a.action} onClick={() => setModal(a)}>
                  {a.label}
                </Button>
              ))}
            {data.blocked
              .filter((b) => b.action === 'answerDraft')
              .map((b) => (
                <Tooltip key={b.action} title={b.reason}>
                  <Button disabled>{b.label}</Button>
                </Tooltip>
              ))}
          </Space>
          <PendingApproval
            id={r.id}
            today={today}
            approval={data.approval}
            fields={data.forms.decision}
            onDone={done}
          />
          {data.blocked.length > 0 && (
            <Alert
              type="info"
              style={{ marginTop: 12 }}
              title="以下操作暂不能办理"
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {data.blocked.map((b) => (
                    <li key={b.action}>
                      {b.label}：{b.reason}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
        </Card>
        {data.answer && (
          <Card title={h2('答复')}>
            <Descriptions
              column={1}
              items={[
                { key: 'outcome', label: '答复类型', children: data.answer.outcomeLabel },
                { key: 'on', label: '答复日期', children: dateCn(data.answer.on) },
                { key: 'basis', label: '法律依据', children: data.answer.legalBasis || '—' },
                { key: 'reasons', label: '理由', children: data.answer.reasons || '—' },
                {
                  key: 'delivered',
                  label: '送达',
                  children: r.deliveredOn
                    ? `${dateCn(r.deliveredOn)} ${r.deliveryNote ?? ''}`
                    : '尚未登记送达',
                },
              ]}
            />
            <Space style={{ marginTop: 12 }}>
              {!r.personalDataMasked && (
                <Button href={`/api/disclosure/requests/${r.id}/reply-letter`}>
                  下载答复书（.docx）
                </Button>
              )}
              {!r.deliveredOn && <Button onClick={() => setModal('delivery')}>登记送达</Button>}
            </Space>
            <ReleasedFiles
              id={r.id}
              files={data.files}
              canAdd={!r.deliveredOn}
              onDone={() => done('添加提供的信息')}
            />
          </Card>
        )}
        <Card title={h2('环节与期限')}>
          <StepsTable steps={data.steps} />
        </Card>
        <Card title={h2('办理记录')}>
          <EventsTimeline events={data.events} />
        </Card>
      </Space>
      {modal === 'answer' && (
        <AnswerModal
          id={r.id}
          today={today}
          fields={data.forms.answer}
          onClose={() => setModal(null)}
          onDone={() => done('拟定答复并提请审签')}
        />
      )}
      {modal === 'extension' && (
        <ExtensionModal
          id={r.id}
          today={today}
          fields={data.forms.extension}
          onClose={() => setModal(null)}
          onDone={() => done('申请延长答复期限')}
        />
      )}
      {modal === 'fee' && (
        <FeeModal
          id={r.id}
          today={today}
          fields={data.forms.fee}
          onClose={() => setModal(null)}
          onDone={() => done('发出收费通知')}
        />
      )}
      {modal === 'delivery' && (
        <DeliveryModal
          id={r.id}
          today={today}
          fields={data.forms.delivery}
          onClose={() => setModal(null)}
          onDone={() => done('登记送达')}
        />
      )}
      {modal && typeof modal === 'object' && (
        <ActionModal
          key={modal.action}
          caseId={r.caseId}
          action={modal}
          today={today}
          onClose={() => setModal(null)}
          onDone={() => done(modal.label)}
        />
      )}
    </>
  );
}
