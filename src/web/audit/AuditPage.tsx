import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { errorMessage, get } from '../lib/api.ts';
import { dateTime } from '../lib/format.ts';
import type { AuditEntry, AuditPage as AuditPageData } from '../lib/types.ts';
import { RequireAbility } from '../auth/RequireAuth.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import { ExportCheckpointsButton, VerifyButton, VerifyResult, useVerifyChain } from './VerifyChain.tsx';

interface Filters {
  action: string;
  actorId: string;
}

const PAGE = 50;

const columns: TableColumnsType<AuditEntry> = [
  { title: '序号', dataIndex: 'seq', width: 90 },
  { title: '时间', dataIndex: 'at', width: 160, render: (v: string) => dateTime(v) },
  { title: '操作人', dataIndex: 'actorName', render: (v: string | null) => v || '系统' },
  { title: '机构', dataIndex: 'orgName', responsive: ['lg'], render: (v: string | null) => v || '—' },
  { title: '操作', dataIndex: 'action', render: (v: string) => <span className="mono">{v}</span> },
  {
    title: '对象',
    key: 'entity',
    render: (_, e) => (
      <span className="mono">
        {e.entityType}
        {e.entityId ? ` #${e.entityId}` : ''}
      </span>
    ),
  },
  {
    title: '哈希（SM3）',
    dataIndex: 'hash',
    render: (h: string) => (
      <Tooltip title={h}>
        <Typography.Text className="mono" copyable={{ text: h, tooltips: ['复制哈希', '已复制'] }}>
          {h.slice(0, 12)}…
        </Typography.Text>
      </Tooltip>
    ),
  },
];

function Payload({ entry }: { entry: AuditEntry }) {
  return (
    <pre className="mono" style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
      {JSON.stringify(entry.payload, null, 2)}
    </pre>
  );
}

function Audit() {
  const [filters, setFilters] = useState<Filters>({ action: '', actorId: '' });
  const [form] = Form.useForm<Filters>();
  const verify = useVerifyChain();
  const query = useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) =>
      get<AuditPageData>('/api/audit', { before: pageParam, limit: PAGE, action: filters.action.trim(), actorId: filters.actorId.trim() }),
    getNextPageParam: (last) => last.nextBefore,
  });
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title="审计日志"
        subTitle="所有操作按序记录并以 SM3 哈希链接，系统定期以数据库之外保管的密钥签署检查点；截断、改写或伪造都会被校验发现"
        extra={
          <>
            <VerifyButton verify={verify} />
            <ExportCheckpointsButton />
          </>
        }
      />
      <VerifyResult verify={verify} />
      <Card>
        <Form
          form={form}
          layout="inline"
          name="audit-filter"
          initialValues={filters}
          onFinish={(v) => setFilters({ action: v.action ?? '', actorId: v.actorId ?? '' })}
          style={{ marginBottom: 16, rowGap: 8 }}
        >
          <Form.Item label="操作类型" name="action">
            <Input placeholder="例如 user.create" allowClear />
          </Form.Item>
          <Form.Item label="操作人ID" name="actorId">
            <Input allowClear />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
          <Button
            style={{ marginInlineStart: 8 }}
            onClick={() => {
              form.resetFields();
              setFilters({ action: '', actorId: '' });
            }}
          >
            重置
          </Button>
        </Form>
        {query.error && <Alert type="error" showIcon title={errorMessage(query.error)} style={{ marginBottom: 16 }} />}
        <Table<AuditEntry>
          rowKey="seq"
          size="small"
          loading={query.isPending}
          columns={columns}
          dataSource={rows}
          pagination={false}
          expandable={{ expandedRowRender: (e) => <Payload entry={e} />, columnTitle: <span className="sr-only">详情</span> }}
          locale={{ emptyText: '暂无审计记录' }}
          scroll={{ x: 900 }}
        />
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          {query.hasNextPage ? (
            <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
              加载更早的记录
            </Button>
          ) : (
            rows.length > 0 && <Typography.Text type="secondary">已显示全部 {rows.length} 条记录</Typography.Text>
          )}
        </div>
      </Card>
    </>
  );
}

export default function AuditPage() {
  return (
    <RequireAbility ability="readAudit">
      <Audit />
    </RequireAbility>
  );
}
