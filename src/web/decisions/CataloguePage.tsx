import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Space, Spin, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, get, post } from '../lib/api.ts';
import { useCurrentSession } from '../lib/session.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { useForms } from '../lib/forms.ts';
import { StepModal, type StepField } from './StepModal.tsx';
import { SecrecyReviewPanel } from '../disclosure/SecrecyReviewPanel.tsx';
import type { Catalogue } from './types.ts';

const h2 = (t: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{t}</h2>;
interface Pending {
  title: string;
  path: string;
  fields: StepField[];
  body?: (v: Record<string, unknown>) => unknown;
}

/**
 * 决策事项目录 (条例第三条): drafted, agreed by the 同级党委, published, adjusted with a published adjustment.
 * The buttons are the acts the server's engine allows on each catalogue now (`actions`); each publication
 * waits for its 保密审查 (《政府信息公开条例》第十七条), asked and decided on the panel.
 */
export default function CataloguePage() {
  const session = useCurrentSession();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [pending, setPending] = useState<Pending | null>(null);
  const { fields } = useForms('decisions');
  const { data, isPending } = useQuery({
    queryKey: ['decision-catalogues'],
    queryFn: () => get<{ items: Catalogue[] }>('/api/decision-catalogues'),
  });
  const manage = session.abilities.manageCatalogue;
  const run = async (path: string, body: unknown, label: string) => {
    const res = await post<{ items: Catalogue[] }>(path, body);
    client.setQueryData(['decision-catalogues'], res);
    setPending(null);
    message.success(`已办理：${label}`);
  };
  const next = new Date().getFullYear() + (new Date().getMonth() >= 9 ? 1 : 0);
  return (
    <>
      <PageHeader
        title="重大行政决策事项目录"
        extra={
          manage && !data?.items.some((c) => c.year === next) ? (
            <Button
              type="primary"
              onClick={() =>
                void run('/api/decision-catalogues', { year: next }, `草拟${next}年度目录`).catch(
                  (e) => message.error(errorMessage(e)),
                )
              }
            >
              草拟{next}年度目录
            </Button>
          ) : null
        }
      />
      {isPending ? (
        <Spin />
      ) : !data?.items.length ? (
        <Card>
          <Empty description="尚未草拟决策事项目录" />
        </Card>
      ) : null}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {data?.items.map((c) => {
          const base = `/api/decision-catalogues/${c.id}`;
          const listed = c.items.filter((i) => i.status === 'listed');
          return (
            <Card key={c.id} title={h2(c.title)} extra={<Tag>{c.statusLabel}</Tag>}>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 3 }}
                items={[
                  {
                    key: 'a',
                    label: '同意机关',
                    children: c.approvedBy
                      ? `${c.approvedBy}（${c.approvedOn}${c.approvalRef ? `，${c.approvalRef}` : ''}）`
                      : '—',
                  },
                  { key: 'p', label: '公布日期', children: c.publishedOn ?? '—' },
                  { key: 'n', label: '事项数', children: `${listed.length}项` },
                ]}
              />
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={c.items}
                style={{ marginTop: 12 }}
                columns={[
                  { title: '序号', dataIndex: 'seq', width: 60 },
                  { title: '事项名称', dataIndex: 'title' },
                  { title: '承办单位', dataIndex: 'undertakingUnit' },
                  { title: '计划完成时间', dataIndex: 'plannedTime' },
                  {
                    title: '状态',
                    render: (_, i) =>
                      i.status === 'removed'
                        ? '已调出'
                        : i.addedByAdjustmentId
                          ? '调整增加'
                          : '列入',
                  },
                  ...(c.actions.editItems
                    ? [
                        {
                          title: '操作',
                          render: (_: unknown, i: Catalogue['items'][number]) => (
                            <Button
                              size="small"
                              onClick={() =>
                                void run(`${base}/items/${i.id}/delete`, {}, '删除事项').catch(
                                  (e) => message.error(errorMessage(e)),
                                )
                              }
                            >
                              删除{i.title.length > 6 ? '' : i.title}
                            </Button>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
              {c.adjustments.length > 0 && (
                <ul style={{ marginTop: 12 }}>
                  {c.adjustments.map((a) => (
                    <li key={a.id}>
                      第{a.seq}次调整（{a.publishedOn}公布，{a.approvedBy}同意）：{a.reason}；
                      {(a.changes as Array<{ op: string; title: string }>)
                        .map((x) => `${x.op === 'add' ? '增加' : '调出'}${x.title}`)
                        .join('、')}
                    </li>
                  ))}
                </ul>
              )}
              {c.pendingAdjustment && (
                <p style={{ marginTop: 12 }}>
                  待公布的调整（{c.pendingAdjustment.approvedOn}经{c.pendingAdjustment.approvedBy}
                  同意）：{c.pendingAdjustment.reason}；
                  {[
                    ...c.pendingAdjustment.add.map((x) => `增加${x.title}`),
                    ...c.pendingAdjustment.remove.map(
                      (id) => `调出${c.items.find((i) => i.id === id)?.title ?? ''}`,
                    ),
                  ].join('、')}
                </p>
              )}
              {(c.status === 'approved' || c.pendingAdjustment) && (
                <div style={{ marginTop: 12 }}>
                  <SecrecyReviewPanel
                    caseId={c.caseId}
                    onChanged={() =>
                      void client.invalidateQueries({ queryKey: ['decision-catalogues'] })
                    }
                  />
                </div>
              )}
              {manage && (
                <Space wrap style={{ marginTop: 12 }}>
                  {c.actions.editItems && (
                    <Button
                      onClick={() =>
                        setPending({
                          title: '增加事项',
                          path: `${base}/items`,
                          fields: fields('item'),
                        })
                      }
                    >
                      增加事项
                    </Button>
                  )}
                  {c.actions.approve && (
                    <Button
                      type="primary"
                      onClick={() =>
                        setPending({
                          title: '登记同意情况',
                          path: `${base}/approve`,
                          fields: fields('approval'),
                        })
                      }
                    >
                      登记同意情况
                    </Button>
                  )}
                  {c.actions.publish && (
                    <Button
                      type="primary"
                      onClick={() =>
                        void run(`${base}/publish`, {}, '公布目录').catch((e) =>
                          message.error(errorMessage(e)),
                        )
                      }
                    >
                      公布目录
                    </Button>
                  )}
                  {c.actions.publishAdjustment && (
                    <Button
                      type="primary"
                      onClick={() =>
                        void run(`${base}/adjustments/publish`, {}, '公布目录调整').catch((e) =>
                          message.error(errorMessage(e)),
                        )
                      }
                    >
                      公布目录调整
                    </Button>
                  )}
                  {c.actions.adjust && (
                    <Button
                      onClick={() =>
                        setPending({
                          title: '登记目录调整的同意情况',
                          path: `${base}/adjustments`,
                          fields: [
                            ...fields('adjustment'),
                            ...fields('adjustmentChange', {
                              options: {
                                remove: listed.map((i) => ({ value: i.id, label: i.title })),
                              },
                            }),
                          ],
                          body: ({ addTitle, addUnit, remove, ...v }) => ({
                            ...v,
                            add: addTitle
                              ? [{ title: addTitle, undertakingUnit: addUnit || '待定' }]
                              : [],
                            remove: remove ? [remove] : [],
                          }),
                        })
                      }
                    >
                      调整目录
                    </Button>
                  )}
                </Space>
              )}
            </Card>
          );
        })}
      </Space>
      {pending && (
        <StepModal
          title={pending.title}
          fields={pending.fields}
          files={false}
          onClose={() => setPending(null)}
          onSubmit={(v) => run(pending.path, pending.body ? pending.body(v) : v, pending.title)}
        />
      )}
    </>
  );
}
