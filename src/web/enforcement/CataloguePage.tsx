import { useState } from 'react';
import { App, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, get, post } from '../lib/api.ts';
import { useCurrentSession } from '../lib/session.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { StepModal, type StepField } from '../decisions/StepModal.tsx';
import { ImportButton } from './ImportButton.tsx';
import { optionLabel, useEnforcementForms } from './forms.ts';
import { formBody } from '../lib/forms.ts';
import type { Item, Version } from './types.ts';

interface Target {
  id: string;
  creditCode: string;
  name: string;
  address: string;
  category: string;
  riskLabel: string;
}
interface Pending {
  title: string;
  /** Drawn once the declared forms have arrived. */
  fields: () => StepField[];
  send: (v: Record<string, unknown>) => Promise<unknown>;
}

/** 事前公开 (随机抽查事项清单, 执法信息; each publication a version) and the 检查对象名录库. */
export default function CataloguePage() {
  const session = useCurrentSession();
  const approve = !!session.abilities.approveInspections;
  const manage = !!session.abilities.manageInspections;
  const client = useQueryClient();
  const { message } = App.useApp();
  const [pending, setPending] = useState<Pending | null>(null);
  const forms = useEnforcementForms();
  const { fields } = forms;
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const items = useQuery({
    queryKey: ['enforcement', 'items'],
    queryFn: () => get<{ items: Item[]; versions: Version[] }>('/api/enforcement/items'),
  });
  const info = useQuery({
    queryKey: ['enforcement', 'info'],
    queryFn: () => get<{ versions: Version[] }>('/api/enforcement/info'),
  });
  const targets = useQuery({
    queryKey: ['enforcement', 'targets', search, page],
    queryFn: () =>
      get<{ total: number; items: Target[] }>('/api/enforcement/targets', {
        search,
        page,
        pageSize: 20,
      }),
  });
  const refresh = () => void client.invalidateQueries({ queryKey: ['enforcement'] });
  const act = (p: Promise<unknown>, label: string) =>
    p
      .then(() => {
        refresh();
        message.success(label);
      })
      .catch((e) => message.error(errorMessage(e)));
  const latest = (v?: Version[]) =>
    v?.length ? `当前公布第${v[0].version}版（${v[0].publishedOn}）` : '尚未公布';
  return (
    <>
      <PageHeader title="事前公开与检查对象名录" />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card
          title={<h2 style={{ fontSize: 16, margin: 0 }}>随机抽查事项清单</h2>}
          extra={
            approve ? (
              <Space>
                <Button
                  onClick={() =>
                    setPending({
                      title: '增加抽查事项',
                      fields: () => fields('item', { initial: { kind: 'general' } }),
                      send: (v) => post('/api/enforcement/items', formBody(fields('item'))(v)),
                    })
                  }
                >
                  增加事项
                </Button>
                <Button
                  type="primary"
                  onClick={() =>
                    void act(post('/api/enforcement/items/publish'), '已在门户网站公布事项清单')
                  }
                >
                  公布清单
                </Button>
              </Space>
            ) : null
          }
        >
          <Typography.Paragraph type="secondary">
            {latest(items.data?.versions)}。重点检查事项的抽查比例不设上限。
          </Typography.Paragraph>
          <Table<Item>
            rowKey="id"
            size="small"
            pagination={false}
            loading={items.isPending}
            dataSource={items.data?.items ?? []}
            columns={[
              { title: '抽查事项', dataIndex: 'name' },
              {
                title: '类别',
                render: (_, i) => <Tag>{optionLabel(fields('item'), 'kind', i.kind)}</Tag>,
              },
              { title: '检查依据', dataIndex: 'legalBasis' },
              { title: '检查方式', dataIndex: 'method' },
              { title: '抽查比例', render: (_, i) => `${i.ratio}%` },
              { title: '状态', render: (_, i) => (i.active ? '启用' : '停用') },
              ...(approve
                ? [
                    {
                      title: '操作',
                      render: (_: unknown, i: Item) => (
                        <Button
                          type="link"
                          onClick={() =>
                            void act(
                              post(`/api/enforcement/items/${i.id}/active`, { active: !i.active }),
                              i.active ? '已停用' : '已启用',
                            )
                          }
                        >
                          {i.active ? '停用' : '启用'}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
        <Card
          title={<h2 style={{ fontSize: 16, margin: 0 }}>执法主体、职责、程序和救济途径</h2>}
          extra={
            approve ? (
              <Button
                onClick={() =>
                  setPending({
                    title: '公布执法信息',
                    fields: () => fields('info'),
                    send: (v) =>
                      post('/api/enforcement/info/publish', {
                        ...v,
                        flowSteps: String(v.flowSteps ?? '').split('\n'),
                      }),
                  })
                }
              >
                公布新版本
              </Button>
            ) : null
          }
        >
          <Space>
            <Typography.Text>{latest(info.data?.versions)}</Typography.Text>
            <a
              href="/zfgs"
              target="_blank"
              rel="noreferrer"
              style={{ textDecoration: 'underline' }}
            >
              在门户网站查看
            </a>
          </Space>
        </Card>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>检查对象名录库</h2>}>
          <Space wrap style={{ marginBottom: 16 }}>
            <Input.Search
              aria-label="检查对象名称或统一社会信用代码"
              placeholder="名称或统一社会信用代码"
              allowClear
              onSearch={(v) => {
                setSearch(v);
                setPage(1);
              }}
              style={{ width: 280 }}
            />
            {manage && (
              <ImportButton
                label="导入名录（.xlsx或.csv）"
                url="/api/enforcement/target-imports"
                accept=".xlsx,.csv"
                onDone={refresh}
              />
            )}
          </Space>
          <Typography.Paragraph type="secondary">
            表头：统一社会信用代码、名称、地址、行业类别、风险等级（低/中/高）。CSV可为UTF-8或GBK编码；文件有任何错误行时不导入任何记录。
          </Typography.Paragraph>
          <Table<Target>
            rowKey="id"
            size="small"
            loading={targets.isPending}
            dataSource={targets.data?.items ?? []}
            pagination={{
              current: page,
              pageSize: 20,
              total: targets.data?.total ?? 0,
              onChange: setPage,
              showTotal: (n) => `共 ${n} 户`,
            }}
            columns={[
              { title: '统一社会信用代码', dataIndex: 'creditCode' },
              { title: '名称', dataIndex: 'name' },
              { title: '地址', dataIndex: 'address' },
              { title: '行业类别', dataIndex: 'category' },
              { title: '风险等级', dataIndex: 'riskLabel' },
            ]}
          />
        </Card>
      </Space>
      {pending && !forms.isPending && (
        <StepModal
          title={pending.title}
          fields={pending.fields()}
          files={false}
          onClose={() => setPending(null)}
          onSubmit={async (v) => {
            await pending.send(v);
            setPending(null);
            refresh();
            message.success(`已办理：${pending.title}`);
          }}
        />
      )}
    </>
  );
}
