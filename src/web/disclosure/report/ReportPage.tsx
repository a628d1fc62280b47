import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Drawer,
  Input,
  List,
  Modal,
  Space,
  Spin,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { errorMessage, get, post, put } from '../../lib/api.ts';
import { DATE, dateCn } from '../../lib/format.ts';
import { PageHeader } from '../../layout/PageHeader.tsx';
import { Table2Editor } from './Editors.tsx';
import { Table4View } from '../../litigation/Table4View.tsx';
import { SecrecyReviewPanel, useSecrecyReview } from '../SecrecyReviewPanel.tsx';
import type { CellRequest, Manual, Prose, ReportPayload, Table3Row } from './types.ts';

const COLS = [
  'naturalPerson',
  'business',
  'research',
  'publicInterest',
  'legalService',
  'other',
  'total',
] as const;
const COL_LABELS = [
  '自然人',
  '商业企业',
  '科研机构',
  '社会公益组织',
  '法律服务机构',
  '其他',
  '总计',
];

/** 政府信息公开工作年度报告 (2021 format): tables, 勾稽 checks, prose, submission, publication, .docx. */
export default function ReportPage() {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || dayjs().year() - 1;
  const setYear = (y: number) => setParams({ year: String(y) });
  const client = useQueryClient();
  const { message } = App.useApp();
  const key = ['disclosureReport', year];
  const { data, isPending, error } = useQuery({
    queryKey: key,
    queryFn: () => get<ReportPayload>(`/api/disclosure/reports/${year}`),
  });
  const { data: secrecy } = useSecrecyReview(data?.frozen ? data.caseId : null);
  const [prose, setProse] = useState<Prose>({ overview: '', problems: '', other: '' });
  const [manual, setManual] = useState<Manual>({ table2: {} });
  const [cell, setCell] = useState<{ row: Table3Row; col: number } | null>(null);
  useEffect(() => {
    if (data) {
      setProse(data.prose);
      setManual(data.manual);
    }
  }, [data]);
  const refresh = (p: ReportPayload) => client.setQueryData(key, p);
  const run = async (fn: () => Promise<ReportPayload>, ok: string) => {
    try {
      refresh(await fn());
      message.success(ok);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  if (isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (error || !data) return <Alert type="error" title={errorMessage(error)} />;
  const today = dayjs().format(DATE);
  const h2 = (t: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{t}</h2>;
  return (
    <>
      <PageHeader
        title="政府信息公开工作年度报告"
        subTitle={`${year}年度（统计期限${year}年1月1日至12月31日）`}
        extra={
          <Space>
            <DatePicker
              picker="year"
              aria-label="报告年度"
              value={dayjs(`${year}-01-01`)}
              onChange={(d) => d && setYear(d.year())}
              allowClear={false}
            />
            <Button href={`/api/disclosure/reports/${year}/docx`}>导出 .docx</Button>
          </Space>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {data.deadline && (
          <Alert
            type={data.deadline.overdue ? 'error' : 'info'}
            title={`报送和公开期限：${dateCn(data.deadline.dueDate)}`}
            description={data.deadline.explanation}
          />
        )}
        {data.violations.length > 0 ? (
          <Alert
            type="error"
            title="勾稽关系检查未通过"
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {data.violations.map((v, i) => (
                  <li key={i}>{v.message}</li>
                ))}
              </ul>
            }
          />
        ) : (
          <Alert
            type="success"
            title={`勾稽关系检查通过（上年结转与${data.lastYear.source === 'report' ? '上年度已报送报告' : '上年度数据'}一致）`}
          />
        )}
        <Card title={h2('一、总体情况')}>
          <Input.TextArea
            aria-label="总体情况"
            rows={5}
            disabled={!data.canEdit}
            value={prose.overview}
            onChange={(e) => setProse({ ...prose, overview: e.target.value })}
            placeholder="主动公开、依申请公开、政府信息管理、平台建设、监督保障"
          />
        </Card>
        <Card title={h2('二、主动公开政府信息情况')}>
          <Table2Editor
            rows={data.tables.table2}
            manual={manual}
            disabled={!data.canEdit}
            onChange={setManual}
          />
        </Card>
        <Card title={h2('三、收到和处理政府信息公开申请情况')}>
          <Typography.Paragraph type="secondary">
            （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）点击数字查看对应的申请。
          </Typography.Paragraph>
          <Table<Table3Row>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={data.tables.table3}
            scroll={{ x: 900 }}
            columns={[
              {
                title: '项目',
                render: (_: unknown, r) => (
                  <>
                    {r.group && <Typography.Text type="secondary">{r.group} </Typography.Text>}
                    {r.label}
                  </>
                ),
              },
              ...COL_LABELS.map((t, i) => ({
                title: t,
                width: 90,
                align: 'center' as const,
                render: (_: unknown, r: Table3Row) =>
                  r.cells[i] > 0 && data.canListRequests ? (
                    <Button
                      type="link"
                      size="small"
                      aria-label={`${r.label} ${t} ${r.cells[i]}件`}
                      onClick={() => setCell({ row: r, col: i })}
                    >
                      {r.cells[i]}
                    </Button>
                  ) : (
                    r.cells[i]
                  ),
              })),
            ]}
          />
        </Card>
        <Card title={h2('四、政府信息公开行政复议、行政诉讼情况')}>
          <Table4View year={year} cells={data.tables.table4} />
        </Card>
        <Card title={h2('五、存在的主要问题及改进情况')}>
          <Input.TextArea
            aria-label="存在的主要问题及改进情况"
            rows={4}
            disabled={!data.canEdit}
            value={prose.problems}
            onChange={(e) => setProse({ ...prose, problems: e.target.value })}
          />
        </Card>
        <Card title={h2('六、其他需要报告的事项')}>
          <Typography.Paragraph>
            本年度收取信息处理费{data.tables.fees.amount}元（{data.tables.fees.count}件）。
          </Typography.Paragraph>
          <Input.TextArea
            aria-label="其他需要报告的事项"
            rows={3}
            disabled={!data.canEdit}
            value={prose.other}
            onChange={(e) => setProse({ ...prose, other: e.target.value })}
          />
        </Card>
        {data.frozen && data.caseId && data.status !== 'published' && (
          <SecrecyReviewPanel caseId={data.caseId} />
        )}
        <Space>
          {data.canEdit && (
            <Button
              type="primary"
              onClick={() =>
                void run(() => put(`/api/disclosure/reports/${year}`, { prose, manual }), '已保存')
              }
            >
              保存
            </Button>
          )}
          {data.canEdit && data.exists && (
            <Button
              onClick={() =>
                Modal.confirm({
                  title: '报送主管部门',
                  content: '报送后表格数据将定稿，不能再修改。',
                  okText: '报送',
                  cancelText: '取消',
                  onOk: () =>
                    run(
                      () => post(`/api/disclosure/reports/${year}/submit`, { on: today }),
                      '已报送',
                    ),
                })
              }
            >
              报送主管部门
            </Button>
          )}
          {data.frozen && data.status !== 'published' && (
            <Tooltip title={secrecy?.gate}>
              <Button
                disabled={!secrecy || !!secrecy.gate}
                onClick={() =>
                  void run(
                    () => post(`/api/disclosure/reports/${year}/publish`, { on: today }),
                    '已公开',
                  )
                }
              >
                公开年度报告
              </Button>
            </Tooltip>
          )}
        </Space>
      </Space>
      <CellDrawer year={year} cell={cell} onClose={() => setCell(null)} />
    </>
  );
}

function CellDrawer({
  year,
  cell,
  onClose,
}: {
  year: number;
  cell: { row: Table3Row; col: number } | null;
  onClose: () => void;
}) {
  const { data, isPending } = useQuery({
    queryKey: ['reportCell', year, cell?.row.key, cell?.col],
    queryFn: () =>
      get<CellRequest[]>(`/api/disclosure/reports/${year}/cell`, {
        row: cell!.row.key,
        col: COLS[cell!.col],
      }),
    enabled: !!cell,
  });
  return (
    <Drawer
      open={!!cell}
      onClose={onClose}
      size="large"
      title={cell ? `${cell.row.label} · ${COL_LABELS[cell.col]}` : ''}
    >
      {isPending ? (
        <Spin />
      ) : (
        <List
          dataSource={data ?? []}
          renderItem={(r) => (
            <List.Item>
              <Link to={`/disclosure/requests/${r.id}`} style={{ textDecoration: 'underline' }}>
                {r.description}
              </Link>{' '}
              <Typography.Text type="secondary">
                {r.applicant} · 收到{dateCn(r.receivedOn)}
                {r.closedOn ? ` · 办结${dateCn(r.closedOn)}` : ''}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}
