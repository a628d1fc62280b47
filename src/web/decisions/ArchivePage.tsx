import { Alert, Button, Card, Result, Space, Spin, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { errorMessage, get } from '../lib/api.ts';
import { dateTime } from '../lib/format.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { FlowChart } from './FlowChart.tsx';
import type { ArchivePayload } from './types.ts';

const h2 = (t: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{t}</h2>;
const short = (h: string | null) => (h ? `${h.slice(0, 12)}…` : '—');

/** 决策档案 (条例第三十三条): every act and piece of evidence in order, with the audit event that proves it. */
export default function ArchivePage() {
  const { id = '' } = useParams();
  const { data, isPending, error } = useQuery({
    queryKey: ['decision-archive', id],
    queryFn: () => get<ArchivePayload>(`/api/decisions/${encodeURIComponent(id)}/archive`),
  });
  if (isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (error || !data)
    return <Result status="error" title="无法打开决策档案" subTitle={errorMessage(error)} />;
  const c = data.completeness;
  return (
    <>
      <PageHeader
        title={`${data.decision.title}决策档案`}
        subTitle={`${data.decision.statusLabel} · 办理记录${c.events}项 · 材料${c.evidence}项（文件${c.files}个） · 审计事件${c.auditEvents}条`}
        extra={
          <>
            <Link to={`/decisions/${id}`}>返回决策</Link>
            <Button type="primary" href={`/api/decisions/${id}/archive.zip`}>
              导出档案（.zip）
            </Button>
          </>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {c.missingProof.length ? (
          <Alert type="error" title={`以下记录缺少审计凭证：${c.missingProof.join('、')}`} />
        ) : (
          <Alert
            type="success"
            title="每项办理记录和材料均有对应的审计事件（SM3哈希链）证明其添加时间。"
          />
        )}
        <Card title={h2('决策运行流程')}>
          <FlowChart nodes={data.flow} />
        </Card>
        <Card title={h2('办理过程记录')}>
          <Table
            rowKey="seq"
            size="small"
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            dataSource={data.events}
            columns={[
              { title: '序号', dataIndex: 'seq', width: 60 },
              { title: '办理日期', dataIndex: 'on', width: 110 },
              { title: '环节', dataIndex: 'label' },
              { title: '办理人', dataIndex: 'actorName' },
              { title: '记录时间', dataIndex: 'at', render: (v: string) => dateTime(v) },
              { title: '审计序号', dataIndex: 'auditSeq', width: 90 },
              { title: '哈希', dataIndex: 'auditHash', render: short },
            ]}
          />
        </Card>
        <Card title={h2('材料目录')}>
          <Table
            rowKey="id"
            size="small"
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            dataSource={data.evidence}
            columns={[
              { title: '序号', dataIndex: 'seq', width: 60 },
              {
                title: '材料',
                render: (_, e) =>
                  e.fileId ? (
                    <a href={`/api/files/${e.fileId}`} style={{ textDecoration: 'underline' }}>
                      {e.title}：{e.fileName}
                    </a>
                  ) : (
                    e.title
                  ),
              },
              { title: '环节', dataIndex: 'stage' },
              { title: '添加', render: (_, e) => `${e.addedByName}，${dateTime(e.addedAt)}` },
              { title: 'SHA-256', dataIndex: 'fileSha256', render: short },
              { title: '审计序号', dataIndex: 'auditSeq', width: 90 },
              {
                title: '备注',
                render: (_, e) =>
                  [
                    e.afterDecision ? '决策后补充' : '',
                    e.supersedesId ? `更正：${e.note ?? ''}` : '',
                    e.superseded ? '已被更正' : '',
                  ]
                    .filter(Boolean)
                    .join('；'),
              },
            ]}
          />
        </Card>
      </Space>
    </>
  );
}
