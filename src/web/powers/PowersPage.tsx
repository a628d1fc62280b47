import { useState, type FormEvent } from 'react';
import { Alert, App, Button, Card, Space, Spin, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, errorMessage, get, post, put } from '../lib/api.ts';
import { DateField } from '../lib/DateField.tsx';
import { useCurrentSession } from '../lib/session.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import type { PowerHistory, PowerItem, PowerList, PowerTotals } from './types.ts';

const FIELDS: Record<string, string> = {
  name: '事项名称',
  basis: '实施依据',
  implementingBody: '实施主体',
  handlingOrg: '承办科室',
  duties: '责任事项',
  accountability: '追责情形',
  timeLimit: '办理时限',
  hotline: '监督电话',
};
const box = { display: 'flex', flexWrap: 'wrap' as const, gap: 12, alignItems: 'flex-end' };
const input = { height: 32, padding: '0 8px' };

async function upload<T>(path: string, file: File, csrf: string): Promise<T> {
  const body = new FormData();
  body.append('file', file);
  const res = await fetch(path, {
    method: 'POST',
    body,
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'x-csrf-token': csrf },
  });
  const json = (await res.json().catch(() => null)) as
    (T & { error?: { code: string; message: string } }) | null;
  if (!res.ok)
    throw new ApiError(
      res.status,
      json?.error?.code ?? `HTTP_${res.status}`,
      json?.error?.message ?? `导入失败（${res.status}）`,
      [],
    );
  return json as T;
}

function History({ id, actions }: { id: string; actions: Record<string, string> }) {
  const { data } = useQuery({
    queryKey: ['power', id],
    queryFn: () => get<{ history: PowerHistory }>(`/api/powers/${id}`),
  });
  if (!data) return <Spin size="small" />;
  return (
    <ul style={{ margin: 0 }} aria-label="调整记录">
      {data.history.map((h) => (
        <li key={h.id}>
          {h.effectiveOn} {actions[h.action] ?? h.action}（第{h.version}版）：{h.basis}
          {h.changes.length
            ? `；${h.changes.map((c) => `${c.field}由“${c.from}”调整为“${c.to}”`).join('；')}`
            : ''}
        </li>
      ))}
    </ul>
  );
}

/** 权责清单: import/export in the provincial template, adjustments with their log, monthly case counts. */
export default function PowersPage() {
  const client = useQueryClient();
  const session = useCurrentSession();
  const { message } = App.useApp();
  const { data, isPending } = useQuery({
    queryKey: ['powers'],
    queryFn: () => get<PowerList>('/api/powers'),
  });
  const year = new Date().getFullYear();
  const [countYear, setCountYear] = useState(year);
  const totals = useQuery({
    queryKey: ['powerCounts', countYear],
    queryFn: () => get<{ totals: PowerTotals }>('/api/powers/counts', { year: countYear }),
  });
  const [error, setError] = useState('');
  const [editing, setEditing] = useState<PowerItem | null>(null);
  const refresh = () =>
    client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('power') });
  const run = async (f: () => Promise<unknown>, done: string) => {
    setError('');
    try {
      await f();
      message.success(done);
      await refresh();
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    }
  };
  if (isPending || !data) return <Spin style={{ display: 'block', margin: 48 }} />;
  const form = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    return new FormData(e.currentTarget);
  };
  const onImport = (e: FormEvent<HTMLFormElement>) => {
    const f = form(e);
    const el = e.currentTarget;
    const file = f.get('file') as File | null;
    if (!file || !file.size) return setError('请选择权责清单Excel文件');
    void run(async () => {
      const q = new URLSearchParams({
        adjustBasis: String(f.get('adjustBasis')),
        effectiveOn: String(f.get('effectiveOn')),
      });
      const r = await upload<{ added: number; adjusted: number; unchanged: number }>(
        `/api/powers/import?${q}`,
        file,
        session.csrfToken,
      );
      message.info(`新增${r.added}项，调整${r.adjusted}项，未变化${r.unchanged}项`);
      el.reset();
    }, '已导入');
  };
  const onAdjust = (e: FormEvent<HTMLFormElement>) => {
    const f = form(e);
    if (!editing) return;
    const kind = String(f.get('kind'));
    const body = {
      adjustBasis: String(f.get('adjustBasis')),
      effectiveOn: String(f.get('effectiveOn')),
    };
    void run(
      () =>
        kind === 'cancel'
          ? post(`/api/powers/${editing.id}/cancel`, body)
          : put(`/api/powers/${editing.id}`, { ...body, [kind]: String(f.get('value')) }),
      kind === 'cancel' ? '已取消' : '已调整',
    ).then((ok) => ok && setEditing(null));
  };
  const onCount = (e: FormEvent<HTMLFormElement>) => {
    const f = form(e);
    void run(
      () =>
        post(`/api/powers/${String(f.get('powerId'))}/counts`, {
          year: countYear,
          month: Number(f.get('month')),
          count: Number(f.get('count')),
        }),
      '已登记',
    );
  };
  const onCountImport = (e: FormEvent<HTMLFormElement>) => {
    const f = form(e);
    const el = e.currentTarget;
    const file = f.get('file') as File | null;
    if (!file || !file.size) return setError('请选择办件数量Excel文件');
    void run(async () => {
      const r = await upload<{ recorded: number }>(
        '/api/powers/counts/import',
        file,
        session.csrfToken,
      );
      message.info(`已导入${r.recorded}条办件数量`);
      el.reset();
    }, '已导入');
  };
  const countable = data.items.filter((p) => p.acts.count);
  return (
    <>
      <PageHeader
        title="权责清单"
        subTitle="事项名称、编码、类型、依据、责任事项和追责情形；调整留痕并在门户网站公开"
        extra={<a href="/api/powers/export.xlsx">导出Excel（省级模板）</a>}
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {error ? <Alert type="error" showIcon title={error} role="alert" /> : null}
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>导入权责清单</h2>}>
          <form onSubmit={onImport} style={box} aria-label="导入权责清单">
            <label>
              Excel文件 <input name="file" type="file" accept=".xlsx" />
            </label>
            <label>
              调整依据{' '}
              <input name="adjustBasis" required minLength={4} style={{ ...input, width: 280 }} />
            </label>
            <label>
              调整日期 <DateField name="effectiveOn" style={{ width: 150 }} />
            </label>
            <Button type="primary" htmlType="submit">
              导入
            </Button>
          </form>
        </Card>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>事项（{data.items.length}项）</h2>}>
          <Table<PowerItem>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={data.items}
            expandable={{
              expandedRowRender: (p) => <History id={p.id} actions={data.actions} />,
              expandRowByClick: false,
            }}
            columns={[
              { title: '事项编码', dataIndex: 'code', width: 130 },
              { title: '事项名称', dataIndex: 'name' },
              {
                title: '类型',
                dataIndex: 'category',
                render: (c: string) => data.categories[c] ?? c,
                width: 110,
              },
              { title: '承办科室', dataIndex: 'handlingOrg', width: 120 },
              { title: '办理时限', dataIndex: 'timeLimit', width: 120 },
              {
                title: '状态',
                dataIndex: 'status',
                width: 90,
                render: (s: string) => <Tag>{data.statuses[s] ?? s}</Tag>,
              },
              { title: '版本', dataIndex: 'version', width: 60 },
              {
                title: '操作',
                width: 80,
                render: (_: unknown, p) =>
                  p.acts.adjust || p.acts.cancel ? (
                    <Button size="small" onClick={() => setEditing(p)}>
                      调整
                    </Button>
                  ) : null,
              },
            ]}
          />
          {editing ? (
            <form
              onSubmit={onAdjust}
              style={{ ...box, marginTop: 16 }}
              aria-label={`调整“${editing.name}”`}
            >
              <strong>调整“{editing.name}”</strong>
              <label>
                调整方式{' '}
                <select
                  name="kind"
                  style={input}
                  defaultValue={editing.acts.adjust ? 'timeLimit' : 'cancel'}
                >
                  {editing.acts.adjust &&
                    Object.entries(FIELDS).map(([k, l]) => (
                      <option key={k} value={k}>
                        修改{l}
                      </option>
                    ))}
                  {editing.acts.cancel && <option value="cancel">取消该事项</option>}
                </select>
              </label>
              <label>
                新内容 <input name="value" style={{ ...input, width: 220 }} />
              </label>
              <label>
                调整依据{' '}
                <input name="adjustBasis" required minLength={4} style={{ ...input, width: 240 }} />
              </label>
              <label>
                调整日期 <DateField name="effectiveOn" style={{ width: 150 }} />
              </label>
              <Button type="primary" htmlType="submit">
                保存调整
              </Button>
              <Button onClick={() => setEditing(null)}>关闭</Button>
            </form>
          ) : null}
        </Card>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>办件数量</h2>}>
          <form onSubmit={onCount} style={box} aria-label="登记办件数量">
            <label>
              年度{' '}
              <input
                type="number"
                value={countYear}
                min={2000}
                max={2100}
                onChange={(e) => setCountYear(Number(e.target.value))}
                style={{ ...input, width: 90 }}
              />
            </label>
            <label>
              事项{' '}
              <select name="powerId" style={input}>
                {countable.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              月份{' '}
              <select name="month" style={input}>
                {Array.from({ length: 13 }, (_, m) => (
                  <option key={m} value={m}>
                    {m ? `${m}月` : '全年（导入）'}
                  </option>
                ))}
              </select>
            </label>
            <label>
              办件数量{' '}
              <input name="count" type="number" min={0} required style={{ ...input, width: 100 }} />
            </label>
            <Button type="primary" htmlType="submit">
              登记
            </Button>
          </form>
          <form
            onSubmit={onCountImport}
            style={{ ...box, marginTop: 12 }}
            aria-label="导入办件数量"
          >
            <label>
              办件数量表（事项编码、年度、月份、办件数量）{' '}
              <input name="file" type="file" accept=".xlsx" />
            </label>
            <Button htmlType="submit">导入办件数量</Button>
          </form>
          <Table
            size="small"
            rowKey="powerId"
            pagination={false}
            style={{ marginTop: 12 }}
            dataSource={totals.data?.totals ?? []}
            columns={[
              { title: '事项', dataIndex: 'name' },
              {
                title: '类型',
                dataIndex: 'category',
                render: (c: string) => data.categories[c] ?? c,
              },
              { title: `${countYear}年办件（宗）`, dataIndex: 'total' },
              { title: '按月登记月数', dataIndex: 'months' },
            ]}
          />
        </Card>
      </Space>
    </>
  );
}
