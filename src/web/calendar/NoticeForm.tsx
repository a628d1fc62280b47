import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, errorMessage, post } from '../lib/api.ts';
import { DateField } from '../lib/DateField.tsx';
import { DATE } from '../lib/format.ts';
import { applyFieldErrors } from '../lib/formErrors.ts';
import type { NoticeValues } from './noticeDraft.ts';

/** Entry of the State Council's holiday notice for one year; the server recomputes open deadlines. */
export function NoticeForm({ year, initial }: { year: number; initial: NoticeValues }) {
  const [form] = Form.useForm<NoticeValues>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function onFinish(v: NoticeValues) {
    setSaving(true);
    setError(null);
    try {
      const res = await post<{ recomputed: number }>('/api/calendar/notices', {
        year,
        title: v.title.trim(),
        holidays: (v.holidays ?? []).map((h) => ({
          name: h.name.trim(),
          from: h.range[0].format(DATE),
          to: h.range[1].format(DATE),
        })),
        makeUpWorkdays: (v.makeUpWorkdays ?? []).map((m) => ({
          date: m.date,
          name: m.name.trim(),
        })),
      });
      message.success(`已保存${year}年节假日安排，已重新计算${res.recomputed}个未结期限`);
      void client.invalidateQueries({ queryKey: ['calendar'] });
      void client.invalidateQueries({ queryKey: ['worklist'] });
      void client.invalidateQueries({ queryKey: ['case'] });
    } catch (err) {
      // Server paths look like "holidays.0.from": map from/to onto the range field.
      const unplaced = applyFieldErrors(form, err, (path) => {
        const [list, index, field] = path.split('.');
        if (list === 'title') return ['title'];
        if (
          (list === 'holidays' || list === 'makeUpWorkdays') &&
          index !== undefined &&
          /^\d+$/.test(index)
        ) {
          const name =
            list === 'holidays' && (field === 'from' || field === 'to') ? 'range' : field;
          return name ? [list, Number(index), name] : null;
        }
        return null;
      });
      if (!(err instanceof ApiError) || err.fields.length === 0) setError(errorMessage(err));
      else if (unplaced.length) setError(unplaced.join('；'));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form
      form={form}
      layout="vertical"
      name={`notice-${year}`}
      initialValues={initial}
      onFinish={onFinish}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form.Item
        label="通知标题"
        name="title"
        rules={[{ required: true, whitespace: true, message: '请输入通知标题' }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        放假安排
      </Typography.Title>
      <Form.List name="holidays">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} align="start" wrap>
                <Form.Item
                  label={`第${i + 1}项 名称`}
                  name={[f.name, 'name']}
                  rules={[{ required: true, whitespace: true, message: '请输入名称，如春节' }]}
                >
                  <Input placeholder="如：春节" style={{ width: 160 }} />
                </Form.Item>
                <Form.Item
                  label="放假起止日期"
                  name={[f.name, 'range']}
                  rules={[{ required: true, message: '请选择起止日期' }]}
                >
                  <DatePicker.RangePicker />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(f.name)}
                  aria-label={`删除第${i + 1}项放假安排`}
                  style={{ marginTop: 30 }}
                />
              </Space>
            ))}
            <Form.Item>
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
                添加放假安排
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        调休上班日
      </Typography.Title>
      <Form.List name="makeUpWorkdays">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} align="start" wrap>
                <Form.Item
                  label={`第${i + 1}天 日期`}
                  name={[f.name, 'date']}
                  rules={[{ required: true, message: '请选择日期' }]}
                >
                  <DateField />
                </Form.Item>
                <Form.Item
                  label="说明"
                  name={[f.name, 'name']}
                  rules={[{ required: true, whitespace: true, message: '请输入说明' }]}
                >
                  <Input placeholder="如：春节调休" style={{ width: 200 }} />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  onClick={() => remove(f.name)}
                  aria-label={`删除第${i + 1}个调休上班日`}
                  style={{ marginTop: 30 }}
                />
              </Space>
            ))}
            <Form.Item>
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
                添加调休上班日
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
      <Button type="primary" htmlType="submit" loading={saving}>
        保存并重新计算期限
      </Button>
    </Form>
  );
}
