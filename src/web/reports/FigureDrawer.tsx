import { Alert, Button, Descriptions, Drawer, List, Spin, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatValue } from '../../modules/reports/document.ts';
import { errorMessage, get } from '../lib/api.ts';
import type { ShownFigure } from './types.ts';

type Row = Record<string, unknown>;

/** The list in a records answer: an array, `items`, or the array the query's `tab` names (else the first array). */
function rowsOf(data: unknown, tab?: unknown): Row[] | null {
  if (Array.isArray(data)) return data as Row[];
  if (!data || typeof data !== 'object') return null;
  const o = data as Record<string, unknown>;
  if (Array.isArray(o.items)) return o.items as Row[];
  if (typeof tab === 'string' && Array.isArray(o[tab])) return o[tab] as Row[];
  const first = Object.values(o).find(Array.isArray);
  return (first as Row[] | undefined) ?? null;
}

const TITLE_FIELDS = [
  'title',
  'caseTitle',
  'topic',
  'description',
  'name',
  'personName',
  'subject',
];
const DATE_FIELDS: Array<[string, string]> = [
  ['receivedOn', '收到'],
  ['publishedOn', '发布'],
  ['heldOn', '日期'],
  ['statedOn', '述法'],
  ['dueDate', '期限'],
  ['doneOn', '办结'],
  ['closedOn', '办结'],
  ['meetingOn', '会议'],
];

function describe(row: Row): { title: string; meta: string } {
  const title = TITLE_FIELDS.map((f) => row[f]).find((v) => typeof v === 'string' && v) as
    string | undefined;
  const meta = DATE_FIELDS.filter(([f]) => typeof row[f] === 'string' && row[f])
    .map(([f, l]) => `${l} ${String(row[f]).slice(0, 10)}`)
    .join(' · ');
  return { title: title ?? String(row.id ?? '记录'), meta };
}

/** Workbench page of a record: the answer's own link, else the list path without /api plus the id. */
function hrefOf(path: string, row: Row): string | null {
  if (typeof row.href === 'string') return row.href;
  if (typeof row.id === 'string' && !path.startsWith('/api/reports/'))
    return `${path.replace(/^\/api/, '')}/${row.id}`;
  return null;
}

export function FigureDrawer({
  figure,
  own,
  onClose,
  onRewrite,
}: {
  figure: ShownFigure | null;
  own: boolean;
  onClose(): void;
  onRewrite?: () => void;
}) {
  const { data, isPending, error } = useQuery({
    queryKey: ['figureRecords', figure?.records.path, figure?.records.query],
    queryFn: () => get<unknown>(figure!.records.path, figure!.records.query),
    enabled: !!figure && own,
  });
  const rows = rowsOf(data, figure?.records.query.tab);
  const total =
    data && typeof data === 'object' && 'total' in (data as object)
      ? Number((data as { total: unknown }).total)
      : rows?.length;
  // A figure that adds up a field of its records (e.g. comments over the documents that received them).
  const sumField = figure?.records.sum;
  const sum = sumField && rows ? rows.reduce((a, r) => a + (Number(r[sumField]) || 0), 0) : null;
  return (
    <Drawer
      open={!!figure}
      onClose={onClose}
      size="large"
      title={figure ? `数据来源：${figure.label}` : ''}
    >
      {figure && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="数值">
              {`${formatValue(figure.value)}${figure.unit}`}
              {figure.previous !== undefined
                ? `（上次保存时为${formatValue(figure.previous)}${figure.unit}）`
                : ''}
            </Descriptions.Item>
            <Descriptions.Item label="表述">{figure.sentence}</Descriptions.Item>
            <Descriptions.Item label="统计方法">{figure.method}</Descriptions.Item>
          </Descriptions>
          {onRewrite && (
            <Alert
              type="info"
              style={{ marginTop: 12 }}
              title="本句由系统根据记录生成，整句随记录更新。"
              action={
                <Button size="small" onClick={onRewrite}>
                  改写本句
                </Button>
              }
              description="改写后句子变为可编辑的文字，其中的数字仍引用记录、随记录更新。"
            />
          )}
          {figure.missing && (
            <Alert
              type="warning"
              style={{ marginTop: 12 }}
              title="该数据项已不再由业务模块提供，显示的是上次保存时的数值。"
            />
          )}
          <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
            背后的记录
            {own && typeof total === 'number'
              ? sum !== null
                ? `（${total}条记录，合计${formatValue(sum)}${figure.unit}）`
                : `（${total}条）`
              : ''}
          </Typography.Title>
          {!own ? (
            <Typography.Paragraph type="secondary">
              记录明细由报告单位保存，监督机关查看报告所载数值及统计方法。
            </Typography.Paragraph>
          ) : isPending ? (
            <Spin />
          ) : error ? (
            <Alert type="error" title={errorMessage(error)} />
          ) : rows ? (
            <List
              size="small"
              dataSource={rows.slice(0, 200)}
              locale={{ emptyText: '没有记录' }}
              renderItem={(row) => {
                const { title, meta } = describe(row);
                const href = hrefOf(figure.records.path, row);
                return (
                  <List.Item>
                    <div>
                      {href ? <Link to={href}>{title}</Link> : title}
                      {meta && (
                        <Typography.Text type="secondary" style={{ display: 'block' }}>
                          {meta}
                        </Typography.Text>
                      )}
                    </div>
                  </List.Item>
                );
              }}
            />
          ) : (
            <pre style={{ whiteSpace: 'pre-wrap' }}>{JSON.stringify(data, null, 2)}</pre>
          )}
        </>
      )}
    </Drawer>
  );
}
