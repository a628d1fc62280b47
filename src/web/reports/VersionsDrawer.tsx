import { useState } from 'react';
import { Button, Drawer, List, Space, Spin, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { get } from '../lib/api.ts';
import { dateTime } from '../lib/format.ts';
import type { Comparison, Versions } from './types.ts';

/** The report's versions (newest first) and a paragraph-by-paragraph comparison of two. */
export function VersionsDrawer({
  year,
  open,
  onClose,
}: {
  year: number;
  open: boolean;
  onClose(): void;
}) {
  const [pair, setPair] = useState<{ from: string; to: string } | null>(null);
  const versions = useQuery({
    queryKey: ['reportVersions', year],
    queryFn: () => get<Versions>(`/api/reports/${year}/versions`),
    enabled: open,
  });
  const cmp = useQuery({
    queryKey: ['reportCompare', year, pair],
    queryFn: () => get<Comparison>(`/api/reports/${year}/compare`, pair!),
    enabled: open && !!pair,
  });
  const list = versions.data ?? [];
  return (
    <Drawer
      open={open}
      onClose={() => (setPair(null), onClose())}
      size="large"
      title="版本记录与比较"
    >
      {versions.isPending ? (
        <Spin />
      ) : (
        <List
          size="small"
          dataSource={list}
          renderItem={(v, i) => (
            <List.Item
              actions={
                i < list.length - 1
                  ? [
                      <Button
                        key="cmp"
                        size="small"
                        onClick={() => setPair({ from: list[i + 1].id, to: v.id })}
                      >{`与第${list[i + 1].seq}版比较`}</Button>,
                    ]
                  : []
              }
            >
              <Space wrap>
                <strong>{`第${v.seq}版`}</strong>
                <span>{v.originLabel}</span>
                <Typography.Text type="secondary">{`${dateTime(v.createdAt)} ${v.createdBy}`}</Typography.Text>
                {v.current && <Tag color="blue">当前</Tag>}
                {v.approved && <Tag>已审定</Tag>}
                {v.submitted && <Tag>已报送</Tag>}
                {v.published && <Tag>已公开</Tag>}
              </Space>
            </List.Item>
          )}
        />
      )}
      {pair && (
        <section aria-label="版本比较" style={{ marginTop: 16 }}>
          {cmp.isPending || !cmp.data ? (
            <Spin />
          ) : (
            <>
              <Typography.Title
                level={3}
                style={{ fontSize: 16 }}
              >{`第${cmp.data.from.seq}版 → 第${cmp.data.to.seq}版：${cmp.data.changed}处变化`}</Typography.Title>
              {cmp.data.ops.map((o, k) =>
                o.op === 'same' ? null : o.op === 'changed' ? (
                  <div key={k} style={{ marginBottom: 8 }}>
                    <div className="diff-removed">
                      <span className="sr-only">删除：</span>
                      {o.before}
                    </div>
                    <div className="diff-added">
                      <span className="sr-only">改为：</span>
                      {o.after}
                    </div>
                  </div>
                ) : (
                  <div
                    key={k}
                    className={o.op === 'added' ? 'diff-added' : 'diff-removed'}
                    style={{ marginBottom: 8 }}
                  >
                    <span className="sr-only">{o.op === 'added' ? '新增：' : '删除：'}</span>
                    {o.text}
                  </div>
                ),
              )}
            </>
          )}
        </section>
      )}
    </Drawer>
  );
}
