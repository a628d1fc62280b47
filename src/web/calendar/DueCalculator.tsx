import { Alert, Button, Descriptions, Form, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useMutation } from '@tanstack/react-query';
import { errorMessage, get } from '../lib/api.ts';
import { DateField } from '../lib/DateField.tsx';
import { ProvisionalTag } from '../lib/DueDate.tsx';
import { DATE, dateCn } from '../lib/format.ts';
import type { DueResult, Unit } from '../lib/types.ts';

interface Values {
  from: string;
  count: number;
  unit: Unit;
}

/** 期限试算: due date of N working days / days counted from an event date. */
export function DueCalculator({ today }: { today?: string }) {
  const calc = useMutation({
    mutationFn: (v: Values) =>
      get<DueResult>('/api/calendar/due', { from: v.from, count: v.count, unit: v.unit }),
  });
  return (
    <>
      <Form<Values>
        layout="inline"
        name="due-calc"
        initialValues={{ from: today ?? dayjs().format(DATE), count: 20, unit: 'workday' }}
        onFinish={(v) => calc.mutate(v)}
        style={{ rowGap: 8, marginBottom: 16 }}
      >
        <Form.Item
          label="起算日期"
          name="from"
          rules={[{ required: true, message: '请选择日期' }]}
          tooltip="事件发生之日，期限自次日起算"
        >
          <DateField />
        </Form.Item>
        <Form.Item label="期限" name="count" rules={[{ required: true, message: '请输入期限' }]}>
          <InputNumber min={1} max={3650} precision={0} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item label="单位" name="unit">
          <Select
            style={{ width: 110 }}
            options={[
              { value: 'workday', label: '工作日' },
              { value: 'day', label: '日' },
            ]}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={calc.isPending}>
          试算
        </Button>
      </Form>
      <div aria-live="polite">
        {calc.error && <Alert type="error" showIcon title={errorMessage(calc.error)} />}
        {calc.data && (
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              {
                key: 'due',
                label: '届满日期',
                children: (
                  <>
                    {calc.data.due}（{dateCn(calc.data.due)} {dayjs(calc.data.due).format('dddd')}）
                    {calc.data.provisional && <ProvisionalTag />}
                  </>
                ),
              },
              { key: 'why', label: '计算说明', children: calc.data.explanation },
            ]}
          />
        )}
      </div>
    </>
  );
}
