import { useState } from 'react';
import { Button, Drawer, List, Spin, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { get } from '../lib/api.ts';
import { dateCn } from '../lib/format.ts';
import { useCurrentSession } from '../lib/session.ts';
import { type CaseItem } from './types.ts';

const GROUPS = ['行政复议', '行政诉讼（未经复议直接起诉）', '行政诉讼（复议后起诉）'];
const COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

/**
 * Table 四 of the 政府信息公开工作年度报告 as counted from the 行政复议 / 行政诉讼 cases about disclosure
 * answers; a figure opens the cases behind it (for those who may list the cases).
 */
export function Table4View({ year, cells }: { year: number; cells: number[] }) {
  const session = useCurrentSession();
  const [cell, setCell] = useState<{ group: number; column: number } | null>(null);
  const canList = !!session.abilities.viewLitigation;
  const rows = GROUPS.map((label, g) => ({ key: g, label, cells: cells.slice(g * 5, g * 5 + 5) }));
  return (
    <>
      <Typography.Paragraph type="secondary">
        根据本机关政府信息公开答复被申请行政复议、提起行政诉讼的案件自动统计（按收案年度，结果截至12月31日）。
        {canList ? '点击数字查看对应的案件。' : ''}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '类别', dataIndex: 'label' },
          ...COLUMNS.map((t, c) => ({
            title: t,
            width: 90,
            align: 'center' as const,
            render: (_: unknown, r: (typeof rows)[number]) =>
              r.cells[c] > 0 && canList ? (
                <Button
                  type="link"
                  size="small"
                  aria-label={`${r.label} ${t} ${r.cells[c]}件`}
                  onClick={() => setCell({ group: r.key, column: c })}
                >
                  {r.cells[c]}
                </Button>
              ) : (
                r.cells[c]
              ),
          })),
        ]}
      />
      <CellCases year={year} cell={cell} onClose={() => setCell(null)} />
    </>
  );
}

function CellCases({
  year,
  cell,
  onClose,
}: {
  year: number;
  cell: { group: number; column: number } | null;
  onClose: () => void;
}) {
  const { data, isPending } = useQuery({
    queryKey: ['table4Cell', year, cell?.group, cell?.column],
    queryFn: () =>
      get<{ cases: CaseItem[] }>('/api/litigation/table4', {
        year,
        group: cell!.group,
        column: cell!.column,
      }),
    enabled: !!cell,
  });
  return (
    <Drawer
      open={!!cell}
      onClose={onClose}
      size="large"
      title={cell ? `${GROUPS[cell.group]} · ${COLUMNS[cell.column]}` : ''}
    >
      {isPending ? (
        <Spin />
      ) : (
        <List
          dataSource={data?.cases ?? []}
          renderItem={(r) => (
            <List.Item>
              <Link to={`/litigation/${r.id}`} style={{ textDecoration: 'underline' }}>
                {r.caseNo}
              </Link>{' '}
              <Typography.Text type="secondary">
                {r.applicant} · 收到副本{dateCn(r.receivedOn)} ·{' '}
                {r.result ? `${r.result.label}（${r.result.categoryLabel}）` : '尚未审结'}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}
