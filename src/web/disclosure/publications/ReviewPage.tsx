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
  Result,
  Space,
  Typography,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError, errorMessage, get, post } from '../../lib/api.ts';
import { PageLoading } from '../../auth/RequireAuth.tsx';
import { PageHeader } from '../../layout/PageHeader.tsx';
import {
  labelOf,
  publicationsKey,
  usePublicationMeta,
  type PublicationRequest,
} from './queries.ts';
import { ReviewStatus } from './ReviewsPage.tsx';
import { OpinionItem } from './ReviewerSelect.tsx';

/** Pass (publish) or return, with the opinion or reason: the reviewer's act, confirmed before it is done. */
function DecideModal({
  r,
  approve,
  onClose,
}: {
  r: PublicationRequest;
  approve: boolean | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ opinion?: string }>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  async function submit({ opinion }: { opinion?: string }) {
    setBusy(true);
    try {
      await post(`/api/publications/reviews/${r.id}/decision`, { approve, opinion });
      message.success(approve ? '保密审查通过，已发布' : '已退回起草人');
      await client.invalidateQueries({ queryKey: publicationsKey });
      onClose();
    } catch (err) {
      form.setFields([{ name: 'opinion', errors: [errorMessage(err)] }]);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      title={approve ? '保密审查通过并公开' : '保密审查退回'}
      open={approve !== null}
      onCancel={onClose}
      okText={approve ? '确认通过并公开' : '退回'}
      okButtonProps={{ danger: !approve, loading: busy }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {approve
          ? '确认经审查，该信息不涉及国家秘密，不属于《政府信息公开条例》第十四条、第十五条规定的不予公开情形，可以公开。通过后立即发布到门户网站并生成索引号，不能撤销（发布错误的可撤回）。'
          : '退回后该信息不发布，起草人修改后可重新提请保密审查。'}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        <OpinionItem approve={approve} />
      </Form>
    </Modal>
  );
}

export default function ReviewPage() {
  const { id = '' } = useParams();
  const { data: meta } = usePublicationMeta();
  const [deciding, setDeciding] = useState<boolean | null>(null);
  const {
    data: r,
    isPending,
    error,
  } = useQuery({
    queryKey: [...publicationsKey, 'reviews', id],
    queryFn: () => get<PublicationRequest>(`/api/publications/reviews/${encodeURIComponent(id)}`),
  });
  if (isPending) return <PageLoading />;
  if (error || !r) {
    return error instanceof ApiError && error.status === 404 ? (
      <Result status="404" title="待审查的信息不存在或无权访问" />
    ) : (
      <Alert type="error" showIcon message={errorMessage(error)} />
    );
  }
  return (
    <>
      <PageHeader
        title={r.title}
        subTitle={<ReviewStatus r={r} />}
        extra={
          r.mayDecide ? (
            <Space>
              <Button type="primary" onClick={() => setDeciding(true)}>
                通过并公开
              </Button>
              <Button danger onClick={() => setDeciding(false)}>
                退回
              </Button>
            </Space>
          ) : r.publicationId ? (
            <Link to={`/publications/${r.publicationId}`}>查看已公开的信息</Link>
          ) : null
        }
      />
      <Card title="保密审查（《政府信息公开条例》第十七条）" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label="起草人">{r.requestedByName}</Descriptions.Item>
          <Descriptions.Item label="提请日期">{r.requestedOn}</Descriptions.Item>
          <Descriptions.Item label="保密审查人">{r.reviewerName}</Descriptions.Item>
          <Descriptions.Item label="审查期限">{r.dueOn}</Descriptions.Item>
          {r.decidedOn ? (
            <Descriptions.Item label="审查日期">{r.decidedOn}</Descriptions.Item>
          ) : null}
          {r.opinion ? (
            <Descriptions.Item label={r.status === 'returned' ? '退回理由' : '审查意见'}>
              {r.opinion}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card title="拟公开的信息">
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label="组配分类">
            {labelOf(meta?.categories, r.input.category)}
          </Descriptions.Item>
          <Descriptions.Item label="主题分类">
            {labelOf(meta?.topics, r.input.topic)}
          </Descriptions.Item>
          <Descriptions.Item label="文号">{r.input.docNumber || '—'}</Descriptions.Item>
          <Descriptions.Item label="生成日期">{r.input.formedOn}</Descriptions.Item>
          <Descriptions.Item label="内容概述" span={2}>
            {r.input.summary || '—'}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ marginTop: 16, whiteSpace: 'pre-wrap' }}>
          {r.input.body}
        </Typography.Paragraph>
      </Card>
      <DecideModal r={r} approve={deciding} onClose={() => setDeciding(null)} />
    </>
  );
}
