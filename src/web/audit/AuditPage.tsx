import { useMemo, useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Select, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { errorMessage, get } from '../lib/api.ts';
import { DATE, dateTime } from '../lib/format.ts';
import { RequireAbility } from '../auth/RequireAuth.tsx';
import { PageHeader } from '../layout/PageHeader.tsx';
import type { auditFilterOptions, listAudit } from '../../core/audit/service.ts';
import {
  ExportCheckpointsButton,
  VerifyButton,
  VerifyResult,
  useVerifyChain,
} from './VerifyChain.tsx';

/** One event as the server presents it: names and labels, no codes. */
type AuditList = Awaited<ReturnType<typeof listAudit>>;
type AuditRow = AuditList['items'][number];
type FilterOptions = Awaited<ReturnType<typeof auditFilterOptions>>;

interface Filters {
  actorId?: string;
  module?: string;
  action?: string;
  from?: string;
  to?: string;
}
interface FormValues {
  actorId?: string;
  module?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const PAGE = 50;

const columns: TableColumnsType<AuditRow> = [
  { title: '序号', dataIndex: 'seq', width: 80 },
  {
    title: '时间',
    dataIndex: 'at',
    width: 150,
    render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{dateTime(v)}</span>,
  },
  { title: '操作人', dataIndex: 'actorName', width: 110 },
  { title: '所属机构', dataIndex: 'orgName', responsive: ['lg'], render: (v: string) => v || '—' },
  { title: '业务模块', dataIndex: 'module', responsive: ['md'], render: (v: string) => v || '—' },
  { title: '操作', dataIndex: 'action' },
  { title: '对象', dataIndex: 'object' },
  {
    title: '哈希（SM3）',
    dataIndex: 'hash',
    responsive: ['xl'],
    render: (h: string) => (
      <Tooltip title={h}>
        <Typography.Text className="mono" copyable={{ text: h, tooltips: ['复制哈希', '已复制'] }}>
          {h.slice(0, 12)}…
        </Typography.Text>
      </Tooltip>
    ),
  },
];

function Details({ row }: { row: AuditRow }) {
  if (row.details.length === 0)
    return <Typography.Text type="secondary">无其他内容</Typography.Text>;
  return (
    <dl
      className="audit-details"
      style={{
        margin: 0,
        display: 'grid',
        gridTemplateColumns: 'max-content 1fr',
        gap: '4px 16px',
      }}
    >
      {row.details.map((d, i) => (
        <div key={i} style={{ display: 'contents' }}>
          <dt style={{ color: 'rgba(0,0,0,0.65)' }}>{d.label}：</dt>
          <dd style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{d.value}</dd>
        </div>
      ))}
    </dl>
  );
}

const toQuery = (f: Filters) => ({
  actorId: f.actorId,
  module: f.module,
  action: f.action,
  from: f.from,
  to: f.to,
});

function exportHref(f: Filters): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(toQuery(f))) if (v) q.set(k, v);
  const s = q.toString();
  return `/api/audit/export.xlsx${s ? `?${s}` : ''}`;
}

function Audit() {
  const [filters, setFilters] = useState<Filters>({});
  const [form] = Form.useForm<FormValues>();
  const chosenModule = Form.useWatch('module', form);
  const verify = useVerifyChain();
  const options = useQuery({
    queryKey: ['audit-options'],
    queryFn: () => get<FilterOptions>('/api/audit/options'),
  });
  const actionOptions = useMemo(
    () => (options.data?.actions ?? []).filter((a) => !chosenModule || a.module === chosenModule),
    [options.data, chosenModule],
  );
  const query = useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) =>
      get<AuditList>('/api/audit', { before: pageParam, limit: PAGE, ...toQuery(filters) }),
    getNextPageParam: (last) => last.nextBefore,
  });
  const rows = query.data?.pages.flatMap((p) => p.items) ?? [];
  const total = query.data?.pages[0]?.total ?? null;

  const apply = (v: FormValues) =>
    setFilters({
      actorId: v.actorId || undefined,
      module: v.module || undefined,
      action: v.action || undefined,
      from: v.range?.[0]?.format(DATE),
      to: v.range?.[1]?.format(DATE),
    });

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
          onFinish={apply}
          style={{ marginBottom: 16, rowGap: 8 }}
        >
          <Form.Item label="操作人" name="actorId">
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              allowClear
              placeholder="全部人员"
              style={{ width: 220 }}
              options={(options.data?.actors ?? []).map((a) => ({ value: a.id, label: a.label }))}
            />
          </Form.Item>
          <Form.Item label="业务模块" name="module">
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              allowClear
              placeholder="全部模块"
              style={{ width: 200 }}
              options={options.data?.modules ?? []}
              onChange={() => form.setFieldValue('action', undefined)}
            />
          </Form.Item>
          <Form.Item label="操作" name="action">
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              allowClear
              placeholder="全部操作"
              style={{ width: 260 }}
              options={actionOptions.map((a) => ({ value: a.value, label: a.label }))}
            />
          </Form.Item>
          <Form.Item label="日期" name="range">
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
          <Button
            style={{ marginInlineStart: 8 }}
            onClick={() => {
              form.resetFields();
              setFilters({});
            }}
          >
            重置
          </Button>
          <Button
            style={{ marginInlineStart: 8 }}
            icon={<DownloadOutlined />}
            href={exportHref(filters)}
          >
            导出 Excel
          </Button>
        </Form>
        {options.error && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(options.error)}
            style={{ marginBottom: 16 }}
          />
        )}
        {query.error && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(query.error)}
            style={{ marginBottom: 16 }}
          />
        )}
        {total !== null && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            共 {total} 条记录
          </Typography.Paragraph>
        )}
        <Table<AuditRow>
          rowKey="seq"
          size="small"
          loading={query.isPending}
          columns={columns}
          dataSource={rows}
          pagination={false}
          expandable={{
            expandedRowRender: (r) => <Details row={r} />,
            columnTitle: <span className="sr-only">详情</span>,
          }}
          locale={{ emptyText: '暂无审计记录' }}
          scroll={{ x: 900 }}
        />
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          {query.hasNextPage ? (
            <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
              加载更早的记录
            </Button>
          ) : (
            rows.length > 0 && (
              <Typography.Text type="secondary">已显示全部 {rows.length} 条记录</Typography.Text>
            )
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
