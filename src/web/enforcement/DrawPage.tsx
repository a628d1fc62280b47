import { useState } from 'react';
import { App, Button, Card, Descriptions, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { errorMessage, get, post } from '../lib/api.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import { StepModal } from '../decisions/StepModal.tsx';
import { useEnforcementForms } from './forms.ts';
import { INSPECTION_STATUS, type DrawPayload, type Inspection } from './types.ts';

/** One draw: its commitment, the draw itself (once), its published data, the inspections it created. */
export default function DrawPage() {
  const { id = '' } = useParams();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [cancelling, setCancelling] = useState(false);
  const forms = useEnforcementForms();
  const { fields } = forms;
  const key = ['enforcement', 'draw', id];
  const { data, isPending, error } = useQuery({
    queryKey: key,
    queryFn: () => get<DrawPayload>(`/api/enforcement/draws/${encodeURIComponent(id)}`),
  });
  if (isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (error || !data)
    return <Result status="error" title="无法打开该抽取记录" subTitle={errorMessage(error)} />;
  const d = data.draw;
  const done = (res: DrawPayload, label: string) => {
    client.setQueryData(key, res);
    void client.invalidateQueries({ queryKey: ['enforcement'] });
    message.success(label);
  };
  const verify = () =>
    get<{ same: boolean }>(`/api/enforcement/draws/${id}/redraw`)
      .then((r) =>
        r.same
          ? message.success('复核一致：重新运行的结果与公布的结果相同')
          : message.error('复核不一致'),
      )
      .catch((e) => message.error(errorMessage(e)));
  return (
    <>
      <PageHeader
        title={`${data.plan.name}第${d.seq}次抽取`}
        subTitle={d.statusLabel}
        extra={
          <Space>
            {data.acts.execute && (
              <Button
                type="primary"
                onClick={() =>
                  void post<DrawPayload>(`/api/enforcement/draws/${id}/execute`)
                    .then((r) => done(r, '已完成抽取'))
                    .catch((e) => message.error(errorMessage(e)))
                }
              >
                抽取
              </Button>
            )}
            {data.acts.verify && <Button onClick={() => void verify()}>复核抽取结果</Button>}
            {data.portal && (
              <a href={data.portal} target="_blank" rel="noreferrer">
                门户网站公示页
              </a>
            )}
            {data.acts.cancel && (
              <Button danger onClick={() => setCancelling(true)}>
                作废
              </Button>
            )}
            {data.blocked.map((b) => (
              <Typography.Text key={b.action} type="secondary">
                {`${b.label}：${b.reason}`}
              </Typography.Text>
            ))}
          </Space>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Descriptions
            column={1}
            items={[
              {
                key: 'c',
                label: '承诺值（随机数的SHA-256）',
                children: <code>{d.commitment}</code>,
              },
              {
                key: 'n',
                label: '随机数',
                children: d.nonce ? <code>{d.nonce}</code> : '抽取后公开',
              },
              { key: 't', label: '抽取时间', children: d.drawnAt ?? '—' },
              {
                key: 'h',
                label: '候选名单快照哈希',
                children: d.snapshotHash ? <code>{d.snapshotHash}</code> : '—',
              },
              { key: 's', label: '随机种子', children: d.seed ? <code>{d.seed}</code> : '—' },
              ...(d.cancelReason
                ? [{ key: 'r', label: '作废理由', children: d.cancelReason }]
                : []),
            ]}
          />
        </Card>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>抽取结果</h2>}>
          <Table<Inspection>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.inspections}
            columns={[
              {
                title: '检查对象',
                render: (_, r) => (
                  <Link to={`/enforcement/inspections/${r.id}`}>{r.targetName}</Link>
                ),
              },
              { title: '统一社会信用代码', dataIndex: 'creditCode' },
              {
                title: '检查人员',
                render: (_, r) =>
                  r.inspectors.map((i) => `${i.name}（${i.certificateNo}）`).join('、'),
              },
              { title: '状态', render: (_, r) => <Tag>{INSPECTION_STATUS[r.status]}</Tag> },
            ]}
          />
        </Card>
      </Space>
      {cancelling && !forms.isPending && (
        <StepModal
          title="作废本次抽取"
          files={false}
          fields={fields('cancel')}
          onClose={() => setCancelling(false)}
          onSubmit={async (v) => {
            done(await post<DrawPayload>(`/api/enforcement/draws/${id}/cancel`, v), '已作废');
            setCancelling(false);
          }}
        />
      )}
    </>
  );
}
