import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Modal,
  Result,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { ApiError, errorMessage, get, post } from '../../lib/api.ts';
import { dateTime } from '../../lib/format.ts';
import { PageLoading } from '../../auth/RequireAuth.tsx';
import { PageHeader } from '../../layout/PageHeader.tsx';
import { useForms } from '../../lib/forms.ts';
import { FieldItem } from '../../lib/FieldItems.tsx';
import {
  labelOf,
  portalHref,
  publicationsKey,
  TAG,
  usePublicationMeta,
  type Publication,
} from './queries.ts';

function WithdrawModal({ id, open, onClose }: { id: string; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  // 撤回理由 as the server declares it (disclosure/publications/forms.ts): FieldItem asks it with its
  // limits (required, at least its minLength characters).
  const [reason] = useForms('disclosure').fields('withdraw');
  async function submit({ reason }: { reason: string }) {
    setBusy(true);
    try {
      await post(`/api/publications/${id}/withdraw`, { reason });
      message.success('已撤回，门户网站不再显示该信息');
      await client.invalidateQueries({ queryKey: publicationsKey });
      onClose();
    } catch (err) {
      form.setFields([{ name: 'reason', errors: [errorMessage(err)] }]);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal
      title="撤回公开信息"
      open={open}
      onCancel={onClose}
      okText="撤回"
      okButtonProps={{ danger: true, loading: busy }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph>
        撤回用于更正错误发布的信息：记录保留，撤回人、时间和理由记入审计日志，门户网站不再显示。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit}>
        {reason && <FieldItem field={reason} />}
      </Form>
    </Modal>
  );
}

export default function PublicationDetailPage() {
  const { id = '' } = useParams();
  const { data: meta } = usePublicationMeta();
  const [withdrawing, setWithdrawing] = useState(false);
  const {
    data: p,
    isPending,
    error,
  } = useQuery({
    queryKey: [...publicationsKey, 'one', id],
    queryFn: () => get<Publication>(`/api/publications/${encodeURIComponent(id)}`),
  });
  if (isPending) return <PageLoading />;
  if (error || !p) {
    return error instanceof ApiError && error.status === 404 ? (
      <Result status="404" title="公开信息不存在或无权访问" />
    ) : (
      <Alert type="error" showIcon message={errorMessage(error)} />
    );
  }
  const review = p.confidentialityReview;
  return (
    <>
      <PageHeader
        title={p.title}
        subTitle={<span className="mono">{p.indexNumber}</span>}
        extra={
          <Space>
            {p.status === 'published' ? (
              <>
                <Button href={portalHref(p.indexNumber)} target="_blank">
                  在门户网站查看
                </Button>
                <Button danger onClick={() => setWithdrawing(true)}>
                  撤回
                </Button>
              </>
            ) : null}
          </Space>
        }
      />
      {p.status === 'withdrawn' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`已于 ${dateTime(p.withdrawnAt)} 撤回`}
          description={`撤回理由：${p.withdrawnReason}`}
        />
      ) : null}
      {p.late ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={`超期公开：应于 ${p.dueOn} 前公开（生成日期起20个工作日），实际发布日期 ${p.publishedOn}`}
        />
      ) : null}
      <Card title="信息索引" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label="索引号">{p.indexNumber}</Descriptions.Item>
          <Descriptions.Item label="组配分类">
            {labelOf(meta?.categories, p.category)}
          </Descriptions.Item>
          <Descriptions.Item label="发布机构">{p.publisherName}</Descriptions.Item>
          <Descriptions.Item label="主题分类">{labelOf(meta?.topics, p.topic)}</Descriptions.Item>
          <Descriptions.Item label="有效性">
            {p.validity ? labelOf(meta?.validities, p.validity) : '有效'}
          </Descriptions.Item>
          <Descriptions.Item label="关键词">
            {p.keywords.length ? (
              <Space size={4} wrap>
                {p.keywords.map((k) => (
                  <Tag key={k}>{k}</Tag>
                ))}
              </Space>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label="文号">{p.docNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="发文日期">{p.formedOn}</Descriptions.Item>
          <Descriptions.Item label="发布日期">{p.publishedOn}</Descriptions.Item>
          {p.publishedVia ? (
            <Descriptions.Item label="首次发布渠道">{p.publishedVia}</Descriptions.Item>
          ) : null}
          <Descriptions.Item label="公开期限">
            {p.dueOn}{' '}
            {p.late ? <Tag style={TAG.red}>超期公开</Tag> : <Tag style={TAG.green}>按期公开</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="内容概述" span={2}>
            {p.summary || '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="保密审查" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label="审查人">{review.reviewer}</Descriptions.Item>
          <Descriptions.Item label="审查日期">{review.on}</Descriptions.Item>
          <Descriptions.Item label="结论">可以公开</Descriptions.Item>
          {review.note ? (
            <Descriptions.Item label="审查意见" span={3}>
              {review.note}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card title="正文" style={{ marginBottom: 16 }}>
        {p.body.split(/\n\s*\n/).map((para, i) => (
          <Typography.Paragraph key={i} style={{ whiteSpace: 'pre-wrap' }}>
            {para}
          </Typography.Paragraph>
        ))}
        {p.attachments.length ? (
          <>
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              附件
            </Typography.Title>
            <ol>
              {p.attachments.map((a) => (
                <li key={a.id}>
                  <a href={`/api/files/${a.id}`}>{a.name}</a>（
                  {Math.max(1, Math.round(a.size / 1024))} KB）
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </Card>
      <WithdrawModal id={p.id} open={withdrawing} onClose={() => setWithdrawing(false)} />
    </>
  );
}
