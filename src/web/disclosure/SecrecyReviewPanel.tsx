/**
 * The 保密审查 before a record is published (《政府信息公开条例》第十七条), for any page whose case carries it (a
 * 规范性文件, the 政府信息公开工作年度报告, …): the drafter names the reviewer among the department's other accounts,
 * the page shows 待保密审查 with the reviewer and the due date, and the named reviewer passes or returns it here in
 * their own session. The page's publish button asks `useSecrecyReview(caseId).gate` (null once passed).
 */
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Space,
  Typography,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, get, post } from '../lib/api.ts';
import { dateCn } from '../lib/format.ts';
import {
  OpinionItem,
  ReviewerSelect,
  type ReviewerOption,
} from './publications/ReviewerSelect.tsx';

export interface SecrecyReview {
  caseId: string;
  review: {
    status: 'none' | 'pending' | 'passed' | 'returned';
    requestedByName: string;
    requestedOn: string | null;
    reviewerId: string | null;
    reviewerName: string;
    dueOn: string | null;
    decidedOn: string | null;
    opinion: string;
  };
  passed: boolean;
  gate: string | null;
  mayAsk: boolean;
  askBlocked: string | null;
  mayDecide: boolean;
  reviewers: ReviewerOption[];
}

const key = (caseId: string | null | undefined) => ['secrecyReview', caseId];

/** The case's 保密审查 as the server sees it for this account. */
export function useSecrecyReview(caseId: string | null | undefined) {
  return useQuery({
    queryKey: key(caseId),
    queryFn: () => get<SecrecyReview>(`/api/cases/${caseId}/secrecy-review`),
    enabled: !!caseId,
  });
}

const STATUS = {
  none: '未提请',
  pending: '待保密审查',
  passed: '保密审查通过',
  returned: '保密审查退回',
} as const;

export function SecrecyReviewPanel({
  caseId,
  onChanged,
}: {
  caseId: string;
  /** Called after an act (the page refreshes what depends on the review). */
  onChanged?: () => void;
}) {
  const { data } = useSecrecyReview(caseId);
  const client = useQueryClient();
  const { message } = App.useApp();
  const [reviewerId, setReviewerId] = useState<string>();
  const [deciding, setDeciding] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ opinion?: string }>();
  if (!data) return null;
  const r = data.review;
  async function act(url: string, body: object, done: string) {
    setBusy(true);
    setError(null);
    try {
      await post(url, body);
      message.success(done);
      await client.invalidateQueries({ queryKey: key(caseId) });
      onChanged?.();
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    } finally {
      setBusy(false);
    }
  }
  const base = `/api/cases/${caseId}/secrecy-review`;
  return (
    <Card
      title="保密审查（《政府信息公开条例》第十七条）"
      size="small"
      style={{ marginBottom: 16 }}
    >
      {r.status !== 'none' && (
        <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="审查状态">{STATUS[r.status]}</Descriptions.Item>
          <Descriptions.Item label="保密审查人">{r.reviewerName}</Descriptions.Item>
          <Descriptions.Item label="提请人">{r.requestedByName}</Descriptions.Item>
          {r.status === 'pending' ? (
            <Descriptions.Item label="审查期限">{dateCn(r.dueOn)}</Descriptions.Item>
          ) : (
            <Descriptions.Item label="审查日期">{dateCn(r.decidedOn)}</Descriptions.Item>
          )}
          {r.opinion && (
            <Descriptions.Item label={r.status === 'returned' ? '退回理由' : '审查意见'} span={2}>
              {r.opinion}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      {error && (
        <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />
      )}
      {data.mayAsk && (
        <Space wrap>
          <label htmlFor={`secrecy-reviewer-${caseId}`}>保密审查人</label>
          <ReviewerSelect
            id={`secrecy-reviewer-${caseId}`}
            reviewers={data.reviewers}
            value={reviewerId}
            onChange={setReviewerId}
          />
          <Button
            type="primary"
            loading={busy}
            disabled={!reviewerId}
            onClick={() => void act(base, { reviewerId }, '已提请保密审查')}
          >
            提请保密审查
          </Button>
        </Space>
      )}
      {!data.mayAsk && data.askBlocked && r.status !== 'pending' && (
        <Typography.Text type="secondary">{data.askBlocked}</Typography.Text>
      )}
      {data.mayDecide && (
        <Space>
          <Button type="primary" onClick={() => setDeciding(true)}>
            保密审查通过
          </Button>
          <Button danger onClick={() => setDeciding(false)}>
            退回
          </Button>
        </Space>
      )}
      <Modal
        title={deciding ? '保密审查通过' : '保密审查退回'}
        open={deciding !== null}
        onCancel={() => setDeciding(null)}
        okText={deciding ? '确认通过' : '退回'}
        okButtonProps={{ danger: !deciding, loading: busy }}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Typography.Paragraph>
          {deciding
            ? '确认经审查，拟公开的内容不涉及国家秘密，不属于《政府信息公开条例》第十四条、第十五条规定的不予公开情形，可以公开。'
            : '退回后不能公开，提请人修改后可重新提请保密审查。'}
        </Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          onFinish={async ({ opinion }) => {
            if (
              await act(
                `${base}/decision`,
                { approve: deciding, opinion },
                deciding ? '保密审查通过' : '已退回',
              )
            )
              setDeciding(null);
          }}
        >
          <OpinionItem approve={deciding} />
        </Form>
      </Modal>
    </Card>
  );
}
