import { App, Button, Card, Form, InputNumber, Table } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { errorMessage, get, put } from '../lib/api.ts';
import { useLabels } from '../lib/labels.ts';
import { useForms } from '../lib/forms.ts';
import type { ReviewLimits } from './types.ts';

/**
 * 审查期限设置: per matter type, a column each field the server declares for a type's limits (GET
 * /api/reviews/forms `limits`), in whole working days; the server keeps the statutory floors
 * (重大行政决策 ≥ 7 个工作日).
 */
export function LimitsCard() {
  const labels = useLabels('reviews');
  const columns = useForms('reviews').fields('limits');
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
  if (!data || !columns.length) return null;
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
            ...columns.map((c) => ({
              title: c.label,
              render: (_: unknown, t: { value: string; label: string }) => (
                <Form.Item
                  name={[t.value, c.name]}
                  style={{ margin: 0 }}
                  rules={[{ required: c.required, message: '必填' }]}
                >
                  <InputNumber
                    min={c.min}
                    max={c.max}
                    precision={0}
                    aria-label={`${t.label}${c.label}`}
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
