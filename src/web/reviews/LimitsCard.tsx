import { App, Button, Card, Form, InputNumber, Table } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, get, put } from '../lib/api.ts';
import { useLabels } from '../lib/labels.ts';
import type { ReviewLimits } from './types.ts';

const COLUMNS = [
  { key: 'minWorkdays', title: '至少预留（工作日）', min: 0 },
  { key: 'maxWorkdays', title: '上限（工作日，0为不设）', min: 0 },
  { key: 'defaultWorkdays', title: '默认期限（工作日）', min: 1 },
] as const;

/** 审查期限设置: per matter type; the server keeps the statutory floors (重大行政决策 ≥ 7 个工作日). */
export function LimitsCard() {
  const labels = useLabels('reviews');
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReviewLimits>();
  const { data } = useQuery({
    queryKey: ['reviews', 'settings'],
    queryFn: () => get<ReviewLimits>('/api/reviews/settings'),
  });
  async function save(v: ReviewLimits) {
    try {
      const next = await put<ReviewLimits>('/api/reviews/settings', v);
      client.setQueryData(['reviews', 'settings'], next);
      message.success('审查期限设置已保存');
    } catch (err) {
      message.error(errorMessage(err));
    }
  }
  if (!data) return null;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>审查期限设置</h2>}>
      <Form<ReviewLimits>
        form={form}
        initialValues={data}
        onFinish={(v) => void save(v)}
        name="review-limits"
      >
        <Table
          rowKey="value"
          size="small"
          pagination={false}
          dataSource={labels.choices('matterTypes')}
          columns={[
            { title: '事项类型', dataIndex: 'label' },
            ...COLUMNS.map((c) => ({
              title: c.title,
              render: (_: unknown, t: { value: string; label: string }) => (
                <Form.Item
                  name={[t.value, c.key]}
                  style={{ margin: 0 }}
                  rules={[{ required: true, message: '必填' }]}
                >
                  <InputNumber
                    min={c.min}
                    max={120}
                    precision={0}
                    aria-label={`${t.label}${c.title}`}
                  />
                </Form.Item>
              ),
            })),
          ]}
        />
        <Button type="primary" htmlType="submit" style={{ marginTop: 12 }}>
          保存设置
        </Button>
      </Form>
    </Card>
  );
}
