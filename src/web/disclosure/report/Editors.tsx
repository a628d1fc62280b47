import { InputNumber, Table } from 'antd';
import type { Manual, Table2Row } from './types.ts';

const GROUPS = ['行政复议', '行政诉讼（未经复议直接起诉）', '行政诉讼（复议后起诉）'];
const COLS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

/** Table 二: rows counted from a module's records are shown as computed; the others are entered by staff (人工录入). */
export function Table2Editor({
  rows,
  manual,
  disabled,
  onChange,
}: {
  rows: Table2Row[];
  manual: Manual;
  disabled: boolean;
  onChange: (m: Manual) => void;
}) {
  const set = (key: string, i: number, v: number | null) => {
    const cur = [...(manual.table2[key] ?? [])];
    while (cur.length <= i) cur.push(0);
    cur[i] = v ?? 0;
    onChange({ ...manual, table2: { ...manual.table2, [key]: cur } });
  };
  return (
    <Table<Table2Row>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: '条款', dataIndex: 'block', width: 150 },
        { title: '信息内容', dataIndex: 'label', width: 140 },
        {
          title: '来源',
          width: 110,
          render: (_: unknown, r: Table2Row) => (r.source === 'module' ? '系统统计' : '人工录入'),
        },
        ...[0, 1, 2].map((i) => ({
          title: ['本年制发件数 / 处理决定数量 / 收费金额（万元）', '本年废止件数', '现行有效件数'][
            i
          ],
          render: (_: unknown, r: Table2Row) =>
            i >= r.columns.length ? null : r.source === 'module' ? (
              <span aria-label={`${r.label}${r.columns[i]}`}>{r.values[i]}</span>
            ) : (
              <InputNumber
                aria-label={`${r.label}${r.columns[i]}`}
                min={0}
                disabled={disabled}
                value={manual.table2[r.key]?.[i] ?? r.values[i] ?? 0}
                onChange={(v) => set(r.key, i, v)}
              />
            ),
        })),
      ]}
    />
  );
}

/** Table 四: 15 cells; each group's 总计 must equal its four cells (checked server-side). */
export function Table4Editor({
  cells,
  disabled,
  onChange,
}: {
  cells: number[];
  disabled: boolean;
  onChange: (c: number[]) => void;
}) {
  return (
    <Table
      size="small"
      rowKey="g"
      pagination={false}
      dataSource={GROUPS.map((g, gi) => ({ g, gi }))}
      columns={[
        { title: '类别', dataIndex: 'g' },
        ...COLS.map((c, ci) => ({
          title: c,
          render: (_: unknown, r: { g: string; gi: number }) => (
            <InputNumber
              aria-label={`${r.g}${c}`}
              min={0}
              disabled={disabled}
              value={cells[r.gi * 5 + ci] ?? 0}
              onChange={(v) => {
                const next = [...cells];
                next[r.gi * 5 + ci] = v ?? 0;
                onChange(next);
              }}
            />
          ),
        })),
      ]}
    />
  );
}
