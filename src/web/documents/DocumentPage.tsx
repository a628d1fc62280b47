import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Descriptions,
  Result,
  Space,
  Spin,
  Tag,
  Typography,
  Popconfirm,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { ApiError, errorMessage, get, post } from '../lib/api.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { EventsTimeline } from '../cases/EventsTimeline.tsx';
import { StepsTable } from '../cases/StepsTable.tsx';
import { FormModal } from './FormModal.tsx';
import { DocumentActs, h2, type Pending } from './DocumentActs.tsx';
import { ConsultationCard, FilingCard } from './DocumentCards.tsx';
import { SourceUpload } from './SourceUpload.tsx';
import { LegalHistory } from './LegalHistory.tsx';
import { SecrecyReviewPanel } from '../disclosure/SecrecyReviewPanel.tsx';
import type { DocumentPayload } from './types.ts';

export default function DocumentPage() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [pending, setPending] = useState<Pending | null>(null);
  const key = ['document', id];
  const { data, isPending, error } = useQuery({
    queryKey: key,
    queryFn: () => get<DocumentPayload>(`/api/documents/${encodeURIComponent(id)}`),
  });
  if (isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (error || !data)
    return (
      <Result
        status={error instanceof ApiError && error.status === 404 ? '404' : 'error'}
        title="无法打开该文件"
        subTitle={errorMessage(error)}
        extra={<Button onClick={() => navigate('/documents')}>返回文件列表</Button>}
      />
    );
  const d = data.document;
  const a = data.abilities;
  const c = data.consultation;
  const run = async (path: string, body: unknown, label: string) => {
    const res = await post<DocumentPayload>(`/api/documents/${id}${path}`, body);
    client.setQueryData(['document', res.document.id], res);
    void client.invalidateQueries({ queryKey: ['documents'] });
    void client.invalidateQueries({ queryKey: ['worklist'] });
    setPending(null);
    message.success(`已办理：${label}`);
    if (res.document.id !== id) navigate(`/documents/${res.document.id}`);
  };
  // These acts cannot be undone: confirm first (结束征求意见, 公布意见采纳情况, 启动修改).
  const direct = (label: string, path: string) => (
    <Popconfirm
      title={`确定${label}？`}
      description="此操作办理后不能撤销。"
      okText="确定"
      cancelText="取消"
      onConfirm={() => run(path, {}, label).catch((e) => message.error(errorMessage(e)))}
    >
      <Button>{label}</Button>
    </Popconfirm>
  );
  const ask = (p: Pending, primary = true) => (
    <Button type={primary ? 'primary' : 'default'} onClick={() => setPending(p)}>
      {p.title}
    </Button>
  );
  return (
    <>
      <PageHeader
        title={d.title}
        subTitle={`行政规范性文件 · ${data.procedure.case.statusLabel}`}
        extra={
          <>
            <Tag>{d.legalStatusLabel}</Tag>
            {a.edit && <Button onClick={() => navigate(`/documents/${id}/edit`)}>修改草案</Button>}
            <Button href={`/api/documents/${id}/document.docx`}>导出公文（.docx）</Button>
            {d.interpretation && (
              <Button href={`/api/documents/${id}/interpretation.docx`}>
                导出政策解读（.docx）
              </Button>
            )}
            {c?.reportPublishedOn && (
              <Button href={`/api/documents/${id}/feedback.docx`}>导出意见采纳情况</Button>
            )}
          </>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={h2('基本信息')}>
          <Descriptions
            column={{ xs: 1, md: 2, xl: 3 }}
            items={[
              { key: 'issuer', label: '制发机关', children: d.issuerName },
              { key: 'org', label: '起草科室', children: d.draftingOrgName },
              {
                key: 'type',
                label: '文件类型',
                children: `${d.docTypeLabel}${d.trialLabel ? `（${d.trialLabel}）` : ''}`,
              },
              { key: 'market', label: '涉及市场主体', children: d.concernsMarket ? '是' : '否' },
              { key: 'no', label: '文号', children: d.docNumber ?? '—' },
              { key: 'pub', label: '发布日期', children: d.publishedOn ?? '—' },
              { key: 'valid', label: '有效期至', children: d.validUntil ?? '—' },
              { key: 'version', label: '版本', children: `第${d.version}版` },
              ...(d.sourceFile
                ? [
                    {
                      key: 'source',
                      label: '正文文件',
                      children: <a href={`/api/files/${d.sourceFile.id}`}>{d.sourceFile.name}</a>,
                    },
                  ]
                : []),
              ...(d.ending
                ? [
                    {
                      key: 'end',
                      label: '效力变化',
                      children: `${d.ending.label}（${d.ending.on ?? ''}${d.ending.act ? `，${d.ending.act}` : ''}）`,
                    },
                  ]
                : []),
            ]}
          />
        </Card>
        {/* 保密审查 (条例第十七条) of the final text: asked once the 文号 is assigned, the named reviewer decides here. */}
        {d.docNumber && (
          <SecrecyReviewPanel
            caseId={data.procedure.case.id}
            onChanged={() => {
              void client.invalidateQueries({ queryKey: key });
              void client.invalidateQueries({ queryKey: ['worklist'] });
            }}
          />
        )}
        <DocumentActs data={data} ask={ask} direct={direct} />
        <ConsultationCard data={data} ask={ask} />
        <FilingCard data={data} open={setPending} />
        <Card
          title={h2('正文')}
          extra={
            a.edit && (
              <SourceUpload
                documentId={id}
                onDone={(res) => {
                  client.setQueryData(key, res);
                  message.success('已从 .docx 文件读取正文');
                }}
              />
            )
          }
        >
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
            {d.bodyText || '（尚未填写）'}
          </Typography.Paragraph>
          {d.interpretation && (
            <>
              <Typography.Title level={3} style={{ fontSize: 15 }}>
                政策解读
              </Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                {d.interpretation}
              </Typography.Paragraph>
            </>
          )}
        </Card>
        <LegalHistory events={data.events} versions={data.versions} currentId={d.id} />
        <Card title={h2('环节与期限')}>
          <StepsTable steps={data.procedure.steps} />
        </Card>
        <Card title={h2('办理记录')}>
          <EventsTimeline events={data.procedure.events} />
        </Card>
      </Space>
      {pending && (
        <FormModal
          title={pending.title}
          fields={pending.fields}
          onClose={() => setPending(null)}
          onSubmit={async (v) => {
            if (pending.path === '' && data.filing) {
              const res = await post<{ versionId: string }>(
                `/api/filings/${data.filing.id}/answer`,
                v,
              );
              await client.invalidateQueries({ queryKey: key });
              void client.invalidateQueries({ queryKey: ['worklist'] });
              setPending(null);
              message.success('已答复纠错意见，纠正后的文本已保存为新版本');
              navigate(`/documents/${res.versionId}`);
              return;
            }
            if (pending.path.startsWith('review:') && data.filing) {
              await post(`/api/filings/${data.filing.id}/review`, {
                decision: pending.path.slice(7),
                ...v,
              });
              await client.invalidateQueries({ queryKey: key });
              void client.invalidateQueries({ queryKey: ['worklist'] });
              void client.invalidateQueries({ queryKey: ['filings'] });
              setPending(null);
              message.success(`已办理：${pending.title}`);
              return;
            }
            await run(pending.path, pending.body ? pending.body(v) : v, pending.title);
          }}
        />
      )}
    </>
  );
}
