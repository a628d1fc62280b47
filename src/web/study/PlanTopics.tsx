import { useEffect, useState } from 'react';
import { Button, Table } from 'antd';
import { FieldControl } from '../lib/ActForm.tsx';
import type { Overview } from './types.ts';

type Field = Overview['topicFields'][number];
type Row = Record<string, string>;

/** A text field's min/max are its length bounds (the server's check of a topic). */
const lengthOf = (f: Field) => ('min' in f ? { minLength: f.min, maxLength: f.max } : {});

const emptyRow = (fields: readonly Field[]): Row =>
  Object.fromEntries(fields.map((f) => [f.name, f.type === 'select' ? f.options[0].value : '']));

/**
 * The 学法计划's topics quarter by quarter (with the 会前学法 held in each), and their editor: one row per
 * topic, its inputs built from the fields the server declares (labels, choices, limits).
 */
export function PlanTopics({
  data,
  onSave,
}: {
  data: Overview;
  onSave: (topics: Array<{ quarter: number; topic: string }>) => Promise<unknown>;
}) {
  const fields = data.topicFields;
  const initial = () =>
    (data.plan?.topics ?? []).map((t) => ({ quarter: String(t.quarter), topic: t.topic }));
  const [rows, setRows] = useState<Row[]>(initial);
  // Another year, or the saved plan, replaces what is being edited.
  useEffect(() => setRows(initial()), [data.plan]);
  const set = (i: number, name: string, value: string) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, [name]: value } : r)));
  return (
    <>
      <Table
        size="small"
        rowKey="quarter"
        pagination={false}
        dataSource={data.quarters}
        aria-label="学习安排"
        columns={[
          { title: '季度', dataIndex: 'label', width: 100 },
          {
            title: '计划学习内容',
            render: (_: unknown, q) => (q.topics.length ? q.topics.join('；') : '—'),
          },
          { title: '已开展会前学法（次）', dataIndex: 'preMeetingHeld', width: 160 },
        ]}
      />
      {data.plan ? (
        <form
          aria-label="编辑学习安排"
          style={{ marginTop: 12 }}
          onSubmit={(e) => {
            e.preventDefault();
            void onSave(rows.map((r) => ({ quarter: Number(r.quarter), topic: r.topic.trim() })));
          }}
        >
          {rows.map((r, i) => (
            <div
              key={i}
              style={{ display: 'flex', gap: 12, alignItems: 'center', marginBottom: 8 }}
            >
              {fields.map((f) => (
                <label key={f.name}>
                  {f.label}{' '}
                  <FieldControl
                    field={{ ...f, ...lengthOf(f) }}
                    aria-label={`第${i + 1}项${f.label}`}
                    value={r[f.name]}
                    required
                    emptyOption={false}
                    onChange={(v) => set(i, f.name, String(v ?? ''))}
                    style={f.type === 'select' ? { width: 'auto' } : { width: 280 }}
                  />
                </label>
              ))}
              <Button size="small" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                删除第{i + 1}项
              </Button>
            </div>
          ))}
          <div style={{ display: 'flex', gap: 12 }}>
            <Button
              disabled={rows.length >= data.maxTopics}
              onClick={() => setRows((rs) => [...rs, emptyRow(fields)])}
            >
              添加学习内容
            </Button>
            <Button type="primary" htmlType="submit">
              保存学习安排
            </Button>
          </div>
        </form>
      ) : (
        <p style={{ marginTop: 8 }}>登记学法计划后可编辑各季度的学习安排。</p>
      )}
    </>
  );
}
