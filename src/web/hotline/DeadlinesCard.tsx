import { useEffect } from 'react';
import { App, Button, Card, Form, InputNumber, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { errorMessage, get, put } from '../lib/api.ts';

const FIELDS: Array<[string, string]> = [
  ['consult', '咨询（工作日）'],
  ['help', '求助（工作日）'],
  ['suggest', '建议（工作日）'],
  ['complain', '投诉（工作日）'],
  ['report', '举报（工作日）'],
  ['sign', '签收时限（工作日）'],
  ['dispute', '派单异议期限（工作日）'],
];

/** The hotline's time limits per 诉求类型 (默认：广东省12345热线管理办法), kept by the 系统管理员. */
export function DeadlinesCard() {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { data } = useQuery({
    queryKey: ['hotline-settings'],
    queryFn: () => get<Record<string, number>>('/api/hotline/settings'),
  });
  useEffect(() => {
    if (data) form.setFieldsValue(data);
  }, [data, form]);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>办理时限设置</h2>}>
      <Form
        form={form}
        layout="vertical"
        name="hotline-deadlines"
        onFinish={async (v) => {
          try {
            await put('/api/hotline/settings', v);
            message.success('已保存办理时限');
          } catch (e) {
            message.error(errorMessage(e));
          }
        }}
      >
        <Space wrap>
          {FIELDS.map(([name, label]) => (
            <Form.Item
              key={name}
              name={name}
              label={label}
              rules={[{ required: true, message: `请填写${label}` }]}
            >
              <InputNumber min={0} max={120} />
            </Form.Item>
          ))}
        </Space>
        <div>
          <Button htmlType="submit" type="primary">
            保存
          </Button>
        </div>
      </Form>
    </Card>
  );
}
