import { App, Button, Card, Descriptions, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage, get, post } from '../lib/api.ts';
import { PageHeader } from '../layout/PageHeader.tsx';
import type { Draw, DrawPayload, PlanPayload } from './types.ts';

/** One plan: approve, publish, then commit a draw (its nonce's hash is published before the draw). */
export default function PlanPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const key = ['enforcement', 'plan', id];
  const { data, isPending, error } = useQuery({
    queryKey: key,
    queryFn: () => get<PlanPayload>(`/api/enforcement/plans/${encodeURIComponent(id)}`),
  });
  if (isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (error || !data)
    return <Result status="error" title="无法打开该抽查计划" subTitle={errorMessage(error)} />;
  const p = data.plan;
  const run = (path: string, label: string) =>
    post<PlanPayload>(`/api/enforcement/plans/${id}${path}`)
      .then((res) => {
        client.setQueryData(key, res);
        void client.invalidateQueries({ queryKey: ['enforcement', 'plans'] });
        message.success(label);
      })
      .catch((e) => message.error(errorMessage(e)));
  const commit = () =>
    post<DrawPayload>(`/api/enforcement/plans/${id}/draws`)
      .then((res) => {
        void client.invalidateQueries({ queryKey: ['enforcement'] });
        message.success('已生成并公布承诺值');
        navigate(`/enforcement/draws/${res.draw.id}`);
      })
      .catch((e) => message.error(errorMessage(e)));
  return (
    <>
      <PageHeader
        title={p.name}
        subTitle={p.statusLabel}
        extra={
          <Space>
            {data.abilities.approve && (
              <Button onClick={() => void run('/approve', '已审批')}>审批</Button>
            )}
            {data.abilities.publish && (
              <Button onClick={() => void run('/publish', '已在门户网站公布')}>公布计划</Button>
            )}
            {data.abilities.commitDraw && (
              <Button type="primary" onClick={() => void commit()}>
                发起随机抽取
              </Button>
            )}
          </Space>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Descriptions
            column={2}
            items={[
              { key: 'i', label: '抽查事项', children: p.items.map((i) => i.name).join('；') },
              { key: 's', label: '检查范围', children: p.scope || '全部检查对象' },
              { key: 'r', label: '抽查比例', children: `${p.ratio}%（${p.stratifyLabel}）` },
              { key: 'n', label: '每户检查人员', children: `${p.perTarget}名` },
              { key: 't', label: '检查时间', children: `${p.startOn} 至 ${p.endOn}` },
              { key: 'f', label: '频次', children: p.frequency || '—' },
              { key: 'a', label: '审批日期', children: p.approvedOn ?? '—' },
              { key: 'p', label: '公布日期', children: p.publishedOn ?? '—' },
            ]}
          />
        </Card>
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>随机抽取</h2>}>
          <Typography.Paragraph type="secondary">
            发起抽取时先公布随机数的哈希（承诺值），抽取时冻结候选名单快照；抽取结果任何人都可以用公布的数据复核。每个计划只能抽取一次，作废须说明理由并留档。
          </Typography.Paragraph>
          <Table<Draw>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={data.draws}
            columns={[
              {
                title: '次序',
                render: (_, d) => <Link to={`/enforcement/draws/${d.id}`}>第{d.seq}次</Link>,
              },
              { title: '状态', render: (_, d) => <Tag>{d.statusLabel}</Tag> },
              { title: '承诺值', render: (_, d) => <code>{d.commitment.slice(0, 16)}…</code> },
              { title: '抽取时间', dataIndex: 'drawnAt' },
              { title: '抽取户数', dataIndex: 'drawn' },
              { title: '作废理由', dataIndex: 'cancelReason' },
            ]}
          />
        </Card>
      </Space>
    </>
  );
}
